using System.Net;
using System.Text.RegularExpressions;

namespace Factdesk.Tests.Web;

/// <summary>A browser-like client of the in-memory desk: keeps its cookies and sends the form token its pages carry.</summary>
public sealed partial class DeskClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path, TestContext.Current.CancellationToken);

    public async Task<string> Page(string path)
    {
        var response = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The anti-forgery token from a page of the desk (the account page every role can open, unless told otherwise).</summary>
    public async Task<string> Token(string page = "/account")
    {
        var html = await (await Get(page)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"no form token on {page}");
    }

    public async Task<HttpResponseMessage> SignIn(string name, string password) =>
        await Post("/login", new() { ["name"] = name, ["password"] = password }, await Token("/login"));

    /// <summary>Posts a form as the page would, with this session's token unless <paramref name="token"/> says otherwise ("" sends none).</summary>
    public async Task<HttpResponseMessage> Post(string path, Dictionary<string, string> fields, string? token = null)
    {
        token ??= await Token();
        if (token.Length > 0) fields["__token"] = token;
        return await http.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> Upload(string path, MultipartFormDataContent form)
    {
        form.Add(new StringContent(await Token()), "__token");
        return await http.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    public static async Task<string> Body(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>The id at the end of a redirect such as /articles/7.</summary>
    public static long IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/', '#')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
