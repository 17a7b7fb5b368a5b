using System.CommandLine;
using Factdesk.Cli.Commands;
using Factdesk.Ingestion;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;

namespace Factdesk.Tests.Cli;

/// <summary>`factdesk users add`: the first admin comes from the command line, with the password on standard input.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(int Code, string Output)> Add(string password, params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand { UsersCommand.Create(new StringReader(password + "\n")) };
        var code = await root.Parse(["users", "add", .. args, "--db", _temp.File("desk.db")])
            .InvokeAsync(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false }, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Adds_an_admin_whose_password_signs_in_and_is_stored_only_as_a_hash()
    {
        var (code, output) = await Add("first admin password", "anna", "--role", "admin");
        Assert.Equal(0, code);
        Assert.Equal("Added anna as admin.", output.Trim());
        using var db = new DeskDatabase(new DeskOptions(_temp.File("desk.db"), ""), TimeProvider.System);
        var users = new UserStore(db, new AuditLog(db));
        var anna = users.Find("ANNA")!;
        Assert.Equal(DeskRoles.Admin, anna.Role);
        Assert.DoesNotContain("first admin password", anna.PasswordHash);
        Assert.Equal(SignInOutcome.SignedIn, new SignIn(users, TimeProvider.System).Try("anna", "first admin password").Outcome);
        Assert.Equal("account created", new AuditLog(db).Recent().Single().Action);
    }

    [Fact]
    public async Task A_short_password_or_a_taken_name_is_refused_with_a_sentence()
    {
        var shortPassword = await Assert.ThrowsAsync<InputException>(() => Add("short", "bob", "--role", "viewer"));
        Assert.Contains("must be 10 to 256 characters", shortPassword.Message);
        await Add("long enough password", "bob", "--role", "viewer");
        var taken = await Assert.ThrowsAsync<InputException>(() => Add("long enough password", "Bob", "--role", "editor"));
        Assert.Contains("already exists", taken.Message);
    }

    [Fact]
    public async Task An_unknown_role_names_the_roles_there_are() =>
        (await CliRun.Of("users", "add", "carl", "--role", "overlord", "--db", _temp.File("desk.db")))
            .AssertUserError("\"overlord\" is not a role; use one of viewer, fact-checker, editor, admin");
}
