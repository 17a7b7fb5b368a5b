using System.Net;
using Factdesk.Web.Accounts;
using Factdesk.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Factdesk.Tests.Web;

/// <summary>Hostile input, forged forms, guessing passwords and oversized uploads against the desk.</summary>
public sealed class DeskSecurityTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_and_a_CSP_without_inline_script()
    {
        using var client = desk.Client();
        foreach (var path in new[] { "/login", "/", "/site/checks/1.html", "/assets/desk.css" })
        {
            var response = await client.Get(path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
        var page = await client.Page("/login");
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("style=", page);
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user_and_the_session_cookie_is_http_only_and_same_site()
    {
        using var client = desk.Client();
        var anonymous = await client.Get("/checks");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login", anonymous.Headers.Location!.AbsolutePath);

        var signIn = await client.SignIn(DeskRoles.Viewer, DeskFixture.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("factdesk.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/checks")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.Post("/logout", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Get("/checks")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/checks", "/checks")]
    public async Task Signing_in_returns_only_to_pages_of_this_desk(string returnUrl, string expected)
    {
        using var client = desk.Client();
        var response = await client.Post("/login", new() { ["name"] = DeskRoles.Viewer, ["password"] = DeskFixture.Password, ["returnUrl"] = returnUrl }, await client.Token("/login"));
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_without_its_token_or_with_another_sessions_token_changes_nothing()
    {
        using var admin = await desk.SignedIn(DeskRoles.Admin);
        var fields = new Dictionary<string, string> { ["name"] = "forged", ["role"] = "admin", ["password"] = "forged password 123" };
        var none = await admin.Post("/users", new(fields), token: "");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("did not come from this desk", await DeskClient.Body(none));

        using var other = await desk.SignedIn(DeskRoles.Editor);
        var stolen = await admin.Post("/users", new(fields), token: await other.Token());
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.DoesNotContain(">forged<", await admin.Page("/users"));

        // The sign-in form itself is protected too (login CSRF).
        using var anonymous = desk.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.Post("/login", new() { ["name"] = "admin", ["password"] = DeskFixture.Password }, token: "")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var admin = await desk.SignedIn(DeskRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Post("/users", new() { ["name"] = "locky", ["role"] = "viewer", ["password"] = "locky's password" })).StatusCode);
        using var client = desk.Client();
        for (var i = 0; i < SignIn.MaxFailures - 1; i++)
        {
            var wrong = await client.SignIn("locky", "not the password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Wrong name or password.", await DeskClient.Body(wrong));
        }
        var last = await client.SignIn("locky", "still not it");
        Assert.Contains("locked for 15 minutes", await DeskClient.Body(last));
        var right = await client.SignIn("locky", "locky's password");
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await DeskClient.Body(right));
    }

    [Fact]
    public async Task A_changed_role_counts_at_once_in_a_session_already_signed_in()
    {
        using var admin = await desk.SignedIn(DeskRoles.Admin);
        await admin.Post("/users", new() { ["name"] = "demoted", ["role"] = DeskRoles.Editor, ["password"] = "demoted password" });
        using var demoted = desk.Client();
        await demoted.SignIn("demoted", "demoted password");
        Assert.Equal(HttpStatusCode.OK, (await demoted.Get("/articles/new")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post($"/users/{AccountId("demoted")}/role", new() { ["role"] = DeskRoles.Viewer })).StatusCode);
        var after = await demoted.Get("/articles/new");
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
        await demoted.SignIn("demoted", "demoted password");
        Assert.Equal("/denied", (await demoted.Get("/articles/new")).Headers.Location!.AbsolutePath);
        Assert.Contains("demoted: editor → viewer", await admin.Page("/audit"));

        var lastAdmin = await admin.Post($"/users/{AccountId(DeskRoles.Admin)}/role", new() { ["role"] = DeskRoles.Viewer });
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
        Assert.Contains("last admin", await DeskClient.Body(lastAdmin));
    }

    [Fact]
    public async Task A_user_changes_their_password_only_with_the_current_one()
    {
        using var admin = await desk.SignedIn(DeskRoles.Admin);
        await admin.Post("/users", new() { ["name"] = "changer", ["role"] = DeskRoles.Viewer, ["password"] = "the first password" });
        using var user = desk.Client();
        await user.SignIn("changer", "the first password");
        using var elsewhere = desk.Client();
        await elsewhere.SignIn("changer", "the first password");
        var wrong = await user.Post("/account/password", new() { ["current"] = "not my password", ["password"] = "the second password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The current password is not right.", await DeskClient.Body(wrong));
        var tooShort = await user.Post("/account/password", new() { ["current"] = "the first password", ["password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var changed = await user.Post("/account/password", new() { ["current"] = "the first password", ["password"] = "the second password" });
        Assert.Equal("/account?changed=1", changed.Headers.Location!.OriginalString);
        // The session that changed it carries on; the account's other session has ended.
        Assert.Contains("Your password is changed", await user.Page("/account?changed=1"));
        Assert.Equal("/login", (await elsewhere.Get("/account")).Headers.Location!.AbsolutePath);

        using var again = desk.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.SignIn("changer", "the first password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignIn("changer", "the second password")).StatusCode);
        var audit = await admin.Page("/audit");
        Assert.Contains("<td>changer</td><td>password changed</td>", audit);
        Assert.DoesNotContain("the second password", audit);
    }

    private long AccountId(string name)
    {
        using var db = new Factdesk.Web.Data.DeskDatabase(new(desk.Database, ""), TimeProvider.System);
        return new UserStore(db, new(db)).Find(name)!.Id;
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        await using var limited = desk.WithWebHostBuilder(b => b.UseSetting("Desk:LoginsPerMinute", "3"));
        using var client = new DeskClient(limited.CreateClient(new() { AllowAutoRedirect = false }));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.SignIn("nobody", "wrong password " + i)).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        var log = new ListLogger();
        await using var logged = desk.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log).SetMinimumLevel(LogLevel.Trace).AddFilter("Microsoft.AspNetCore", LogLevel.Trace)));
        using var client = new DeskClient(logged.CreateClient(new() { AllowAutoRedirect = false }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignIn(DeskRoles.Editor, "wrong-password-4711")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn(DeskRoles.Editor, DeskFixture.Password)).StatusCode);
        Assert.Contains(log.Lines, l => l.Contains("Sign-in refused for editor", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("wrong-password-4711", StringComparison.Ordinal) || l.Contains(DeskFixture.Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("' OR '1'='1", "x' OR 1=1 --")]
    [InlineData("admin'--", "anything")]
    [InlineData("admin\"; DROP TABLE users; --", "x")]
    public async Task SQL_in_the_sign_in_form_is_just_a_wrong_name(string name, string password)
    {
        using var client = desk.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignIn(name, password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn(DeskRoles.Admin, DeskFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task Hostile_article_text_claims_comments_and_names_are_shown_as_text()
    {
        using var checker = await desk.SignedIn(DeskRoles.FactChecker);
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = Hostile.Article("xss"), ["format"] = "text" }));
        var dossier = await checker.Page($"/articles/{articleId}");
        Hostile.AssertInert(dossier);
        Assert.Contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", dossier);

        var claim = DeskWorkflowCases.ClaimField().Match(dossier).Groups[1].Value;
        var checkId = DeskClient.IdFrom(await checker.Post($"/articles/{articleId}/checks", new() { ["claim"] = claim }));
        const string sql = "'); DROP TABLE checks; --";
        await checker.Post($"/checks/{checkId}/comments", new() { ["text"] = Hostile.Script + Hostile.Breakout + sql });
        await checker.Post($"/checks/{checkId}/evidence", new() { ["url"] = "https://example.org/?q=\"><script>", ["note"] = Hostile.Image });
        var check = await checker.Page($"/checks/{checkId}");
        Hostile.AssertInert(check);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sql), check);
        Assert.Equal(HttpStatusCode.OK, (await checker.Get("/checks")).StatusCode);

        // Account names cannot carry markup at all.
        using var admin = await desk.SignedIn(DeskRoles.Admin);
        var badName = await admin.Post("/users", new() { ["name"] = Hostile.Script, ["role"] = "viewer", ["password"] = "a fine password" });
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Hostile.AssertInert(await DeskClient.Body(badName));
    }

    [Fact]
    public async Task Hostile_HTML_pasted_as_HTML_loses_its_markup_and_keeps_its_words_as_text()
    {
        using var checker = await desk.SignedIn(DeskRoles.FactChecker);
        var html = "<html><head><title>Hostile page</title><script>alert(1)</script></head><body><article><h1>Hostile page</h1>" +
                   $"<p>The minister said: \"{System.Net.WebUtility.HtmlEncode(Hostile.Image)} Unemployment fell by 40 percent in 2024.\"</p>" +
                   "<p onclick=\"alert(3)\">Officials said exports doubled last year, according to the customs office.</p>" +
                   "<img src=x onerror=alert(1)><iframe src=\"javascript:alert(4)\"></iframe></article></body></html>";
        var articleId = DeskClient.IdFrom(await checker.Post("/articles", new() { ["text"] = html, ["format"] = "html" }));
        var dossier = await checker.Page($"/articles/{articleId}");
        Hostile.AssertInert(dossier);
        Assert.DoesNotContain("<iframe", dossier);
        Assert.DoesNotContain("onclick", dossier);
        Assert.Contains("Unemployment fell by 40 percent", dossier);
    }

    [Fact]
    public async Task Oversized_uploads_and_pastes_are_refused_with_a_clear_page()
    {
        using var checker = await desk.SignedIn(DeskRoles.FactChecker);
        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(new byte[FormProtection.MaxFormBytes + 1]), "file", "huge.txt");
        var tooBig = await checker.Upload("/articles", upload);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("larger than the desk takes", await DeskClient.Body(tooBig));

        var paste = await checker.Post("/articles", new() { ["text"] = new string('a', Factdesk.Web.Articles.DeskAnalysis.MaxArticleBytes + 10) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, paste.StatusCode);
        var empty = await checker.Post("/articles", new() { ["text"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Paste the article", await DeskClient.Body(empty));
    }

    [Fact]
    public async Task A_binary_upload_is_refused_with_the_readers_message_not_a_stack_trace()
    {
        using var checker = await desk.SignedIn(DeskRoles.FactChecker);
        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3]), "file", "picture.png");
        var response = await checker.Upload("/articles", upload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await DeskClient.Body(response);
        Assert.Contains("could not be read", body);
        Assert.DoesNotContain("   at ", body);
    }

    /// <summary>Every log line the desk writes, at every level.</summary>
    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
        public IReadOnlyCollection<string> Lines => _lines;
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{formatter(state, exception)} {exception}");
        public void Dispose() { }
    }
}
