using System.CommandLine;
using Factdesk.Ingestion;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Cli.Commands;

/// <summary>
/// `factdesk users add NAME --role ROLE`: makes a desk account, the first admin included. The password is read
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
        var database = DatabaseOption.Create("The SQLite database of the desk; created when missing");
        var add = new Command("add", "Add a desk account; the password is read from standard input or asked for") { name, role, database };
        add.SetAction(parse =>
        {
            var roleName = DeskRoles.Parse(parse.GetValue(role), "--role");
            var accountName = UserStore.ValidName(parse.GetValue(name));
            var password = ReadPassword(input, parse.InvocationConfiguration.Output);
            Storage.StoreFactory.RequireSqlite(parse.GetValue(database)!, "the desk (users)");
            using var db = new DeskDatabase(new DeskOptions(parse.GetValue(database)!, ""), TimeProvider.System);
            var user = new UserStore(db, new AuditLog(db)).Add(accountName, roleName, password, Actor.CommandLine);
            parse.InvocationConfiguration.Output.WriteLine($"Added {user.Name} as {user.Role}.");
            return 0;
        });
        return new Command("users", "Manage the desk's accounts") { add };
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
