using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Cli.Commands;

/// <summary>
/// `factdesk users add NAME --role ROLE`: makes a desk account, the first admin included (`users list`, `disable` and
/// `enable` manage them; on a SQLite file or a PostgreSQL database alike). The password is read
/// from standard input (one line) when it is piped, else asked for twice without echo; it never appears in the
/// command line, where other users and the shell history could see it.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextReader? input = null)
    {
        var name = new Argument<string>("name") { Description = "The account name (letters, digits, '.', '-', '_', '@')" };
        var role = new Option<string>("--role")
        {
            Description = $"One of {string.Join(", ", DeskRoles.All)}",
            Required = true,
            HelpName = "ROLE",
        };
        var database = DatabaseOption.Create("The desk's database: a SQLite file (created when missing) or a PostgreSQL connection string");
        var add = new Command("add", "Add a desk account; the password is read from standard input or asked for") { name, role, database };
        add.SetAction(parse =>
        {
            var roleName = DeskRoles.Parse(parse.GetValue(role), "--role");
            var accountName = UserStore.ValidName(parse.GetValue(name));
            var password = ReadPassword(input, parse.InvocationConfiguration.Output);
            using var db = Open(parse.GetValue(database)!);
            var user = new UserStore(db, new AuditLog(db)).Add(accountName, roleName, password, Actor.CommandLine);
            parse.InvocationConfiguration.Output.WriteLine($"Added {user.Name} as {user.Role}.");
            return 0;
        });

        var listDatabase = DatabaseOption.Create("The desk's database: a SQLite file or a PostgreSQL connection string");
        var list = new Command("list", "List the desk's accounts: name, role and whether the account is disabled") { listDatabase };
        list.SetAction(parse =>
        {
            using var db = Open(parse.GetValue(listDatabase)!, mustExist: true);
            foreach (var user in new UserStore(db, new AuditLog(db)).All())
                parse.InvocationConfiguration.Output.WriteLine($"{user.Name}\t{user.Role}{(user.Disabled ? "\tdisabled" : "")}");
            return 0;
        });
        return new Command("users", "Manage the desk's accounts") { add, list, Switch("disable", true, name), Switch("enable", false, name) };
    }

    // Disabling from the command line is how an admin locked out of the desk (or the last admin's successor) gets in
    // again; it is audited like the desk's own button, as done by "command line".
    private static Command Switch(string verb, bool disable, Argument<string> nameArgument)
    {
        var name = new Argument<string>(nameArgument.Name) { Description = nameArgument.Description };
        var database = DatabaseOption.Create("The desk's database: a SQLite file or a PostgreSQL connection string");
        var command = new Command(verb, disable ? "Disable an account: its sessions end and its API tokens stop working" : "Enable a disabled account again") { name, database };
        command.SetAction(parse =>
        {
            using var db = Open(parse.GetValue(database)!, mustExist: true);
            var users = new UserStore(db, new AuditLog(db));
            var user = users.Find(parse.GetValue(name)!) ?? throw new InputException(parse.GetValue(name)!, "no account with this name");
            try
            {
                users.SetDisabled(user.Id, disable, Actor.CommandLine);
            }
            catch (DeskProblem problem)
            {
                throw new InputException(user.Name, problem.Message);
            }
            parse.InvocationConfiguration.Output.WriteLine($"{(disable ? "Disabled" : "Enabled")} {user.Name}.");
            return 0;
        });
        return command;
    }

    private static DeskDatabase Open(string database, bool mustExist = false)
    {
        // Only add makes a new SQLite file; listing or disabling in a mistyped path must not leave an empty one behind.
        if (mustExist && !Storage.StoreFactory.IsPostgres(database) && !File.Exists(database))
            throw new InputException(database, "no such database (run factdesk users add first)");
        return new(new DeskOptions(database, ""), TimeProvider.System);
    }

    private static string ReadPassword(TextReader? input, TextWriter output)
    {
        if (input is not null || Console.IsInputRedirected)
            return (input ?? Console.In).ReadLine() ?? throw new InputException("standard input", "gave no password");
        var first = Prompt("Password: ", output);
        if (Prompt("Again: ", output) != first) throw new InputException("password", "the two entries differ");
        return first;
    }

    private static string Prompt(string label, TextWriter output)
    {
        output.Write(label);
        output.Flush();
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        output.WriteLine();
        return typed.ToString();
    }
}
