using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Factdesk.Web;
using Factdesk.Web.Accounts;
using Factdesk.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Factdesk.Bench;

/// <summary>
/// `desk USERS SECONDS ARTICLE [WORDS] [WARMUP]`: the desk on a real port with USERS signed-in users working at once for SECONDS. Each
/// user in a loop opens the front page, a search, the article's dossier, the dossier and the check through the API (with
/// an API token), the check page, and posts a comment (with the
/// form token, as a browser does); the latency of every request is kept and the percentiles printed per kind.
/// Sign-in (a slow password hash by design) and the one article analysis happen before the clock starts. With WORDS,
/// the article's paragraphs are repeated, each copy numbered, until the text has at least that many words. With WARMUP,
/// the users first work that many seconds unrecorded (the runtime compiles and optimises the desk's code meanwhile).
/// </summary>
internal static partial class DeskLoad
{
    private const string Password = "load test password";

    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var users) || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var seconds))
        {
            Console.Error.WriteLine("usage: Factdesk.Bench desk USERS SECONDS ARTICLE [WORDS] [WARMUP SECONDS]");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("factdesk-load-");
        var database = Path.Combine(folder.FullName, "desk.db");
        var tokens = new List<string>();
        using (var db = new DeskDatabase(new DeskOptions(database, ""), TimeProvider.System))
        {
            var store = new UserStore(db, new AuditLog(db));
            for (var i = 0; i < users; i++) tokens.Add(store.AddToken(store.Add($"user{i}", DeskRoles.FactChecker, Password, Actor.CommandLine), "load"));
        }
        await using var app = DeskHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration["Desk:Database"] = database;
            builder.Configuration["Desk:LoginsPerMinute"] = "100000";
        });
        await app.StartAsync();
        var root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var clients = new List<HttpClient>();
        for (var i = 0; i < users; i++)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = root };
            await Post(client, "/login", new() { ["name"] = $"user{i}", ["password"] = Password }, await Token(client, "/login"));
            clients.Add(client);
        }
        var text = Lengthen(await File.ReadAllTextAsync(args[2]), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        var warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
        Console.WriteLine($"article: {Words(text):N0} words, {text.Length:N0} characters");
        var submitted = await Post(clients[0], "/articles", new() { ["text"] = text, ["format"] = "auto" }, await Token(clients[0], "/account"));
        var article = submitted.Headers.Location!.OriginalString;
        var dossier = await clients[0].GetStringAsync(article);
        var claim = ClaimField().Match(dossier).Groups[1].Value;
        var check = (await Post(clients[0], $"{article}/checks", new() { ["claim"] = claim }, await Token(clients[0], "/account"))).Headers.Location!.OriginalString;

        var articleId = article.Split('/')[^1];
        var checkId = check.Split('/')[^1];
        // The pages a user reads in each round, the check page last: its form token posts the comment.
        (string Kind, string Path, bool Api)[] reads =
        [
            ("GET /", "/", false), ("GET search", "/search?q=Surovikin", false), ("GET dossier", article, false),
            ("API GET article", $"/api/articles/{articleId}", true), ("API GET check", $"/api/checks/{checkId}", true), ("GET check", check, false),
        ];
        var timings = reads.Select(r => r.Kind).Append("POST comment").ToDictionary(k => k, _ => new List<double>());
        // With one user the requests run one at a time, so the process's CPU time across each is that request's cost.
        var cpuOf = timings.Keys.ToDictionary(k => k, _ => new List<double>());
        var errors = 0;

        // Every user does rounds until the time is up; with keep false (the warm-up) nothing is recorded but the errors.
        async Task Work(TimeSpan duration, bool keep)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, n) => Task.Run(async () =>
            {
                var mine = timings.Keys.ToDictionary(k => k, _ => new List<double>());
                var cost = timings.Keys.ToDictionary(k => k, _ => new List<double>());
                var buffer = new byte[64 * 1024];
                while (clock.Elapsed < duration)
                {
                    string page = "";
                    foreach (var (kind, path, api) in reads)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, path);
                        if (api) request.Headers.Authorization = new("Bearer", tokens[n]);
                        var started = Stopwatch.StartNew();
                        var before = users == 1 ? Environment.CpuUsage.TotalTime : TimeSpan.Zero;
                        // The body is streamed rather than buffered by HttpClient; only the check page is kept as text (its
                        // form token posts the comment). The others are read to the end into one reused buffer, so the load
                        // generator, in the same process, spends little of the CPU; each must still be a whole page or JSON.
                        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                        bool whole;
                        if (kind == "GET check")
                        {
                            page = await response.Content.ReadAsStringAsync();
                            whole = page.EndsWith(PageEnd, StringComparison.Ordinal);
                        }
                        else whole = await Whole(response.Content, buffer, api ? JsonEnd : PageEndUtf8);
                        mine[kind].Add(started.Elapsed.TotalMilliseconds);
                        if (users == 1) cost[kind].Add((Environment.CpuUsage.TotalTime - before).TotalMilliseconds);
                        if (response.StatusCode != HttpStatusCode.OK || !whole) Interlocked.Increment(ref errors);
                    }
                    var token = TokenField().Match(page).Groups[1].Value;
                    var posted = Stopwatch.StartNew();
                    var cpuBefore = users == 1 ? Environment.CpuUsage.TotalTime : TimeSpan.Zero;
                    var comment = await Post(client, $"{check}/comments", new() { ["text"] = $"note from user {n}" }, WebUtility.HtmlDecode(token));
                    mine["POST comment"].Add(posted.Elapsed.TotalMilliseconds);
                    if (users == 1) cost["POST comment"].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
                    if (comment.StatusCode != HttpStatusCode.Redirect) Interlocked.Increment(ref errors);
                }
                if (!keep) return;
                lock (timings)
                    foreach (var kind in timings.Keys)
                    {
                        timings[kind].AddRange(mine[kind]);
                        cpuOf[kind].AddRange(cost[kind]);
                    }
            })));
        }

        // Optionally the same rounds for a while first, unrecorded, so the figures are of a desk whose code the runtime has
        // already compiled and optimised (tiered JIT) rather than of its first seconds.
        if (warmup > 0)
        {
            await Work(TimeSpan.FromSeconds(warmup), keep: false);
            Console.WriteLine($"warm-up: {warmup} s of the same rounds, not recorded");
        }
        var cpu = Environment.CpuUsage.TotalTime;
        var stop = Stopwatch.StartNew();
        await Work(TimeSpan.FromSeconds(seconds), keep: true);
        var elapsed = stop.Elapsed.TotalSeconds;

        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        var total = timings.Values.Sum(l => l.Count);
        Console.WriteLine($"{users} users for {elapsed:F1} s: {total} requests ({total / elapsed:F0}/s), {errors} not answered as expected");
        // The desk and its clients share this process: this is the CPU both spent per request, whatever else the machine runs.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU: {cpuMs / 1000:F1} s of this process, {cpuMs / total:F2} ms per request (desk and clients)"));
        var one = users == 1;
        Console.WriteLine("| request | n | p50 ms | p95 ms | p99 ms |" + (one ? " CPU ms (mean) |" : ""));
        Console.WriteLine("|---|---:|---:|---:|---:|" + (one ? "---:|" : ""));
        cpuOf["all"] = cpuOf.Values.SelectMany(l => l).ToList();
        foreach (var (kind, list) in timings.Append(new("all", timings.Values.SelectMany(l => l).ToList())))
        {
            list.Sort();
            var cost = one && cpuOf[kind].Count > 0 ? string.Create(CultureInfo.InvariantCulture, $" {cpuOf[kind].Average():F2} |") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {list.Count} | {Percentile(list, 0.50):F0} | {Percentile(list, 0.95):F0} | {Percentile(list, 0.99):F0} |{cost}"));
        }
        foreach (var client in clients) client.Dispose();
        await app.StopAsync();
        folder.Delete(recursive: true);
        return 0;
    }

    private const string PageEnd = "</html>\n";
    private static readonly byte[] PageEndUtf8 = "</html>"u8.ToArray();
    private static readonly byte[] JsonEnd = "}"u8.ToArray();

    /// <summary>Reads the body to its end and says whether it ends (but for white space) as a whole desk page or JSON document does.</summary>
    private static async Task<bool> Whole(HttpContent content, byte[] buffer, byte[] end)
    {
        await using var body = await content.ReadAsStreamAsync();
        var tail = new byte[16];
        int read, kept = 0;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            // The last bytes seen so far, across reads.
            var take = Math.Min(read, tail.Length);
            Array.Copy(tail, take, tail, 0, tail.Length - take);
            Array.Copy(buffer, read - take, tail, tail.Length - take, take);
            kept = Math.Min(tail.Length, kept + read);
        }
        return tail.AsSpan(tail.Length - kept).TrimEnd(" \r\n\t"u8).EndsWith(end);
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The article followed by numbered copies of its body until it has <paramref name="words"/> words.</summary>
    private static string Lengthen(string article, int words)
    {
        var text = new System.Text.StringBuilder(article);
        var body = article[(article.IndexOf('\n') + 1)..];
        for (var copy = 2; Words(text.ToString()) < words; copy++)
            text.Append(CultureInfo.InvariantCulture, $"\n\nPart {copy}.\n\n").Append(body);
        return text.ToString();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<string> Token(HttpClient client, string page) =>
        WebUtility.HtmlDecode(TokenField().Match(await client.GetStringAsync(page)).Groups[1].Value);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> fields, string token)
    {
        fields["__token"] = token;
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"claim\" value=\"(\\d+)\"")]
    private static partial Regex ClaimField();
}
