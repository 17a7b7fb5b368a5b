using Factdesk.Duplicates;

namespace Factdesk.Tests.Duplicates;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.org:443/world/story/?utm_source=rss&id=7&fbclid=x#comments", "https://news.example.org/world/story?id=7")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData("https://example.org/a?utm_medium=email", "https://example.org/a")]
    public void Tracking_parameters_fragments_and_default_ports_go(string url, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Of(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    public void Anything_but_a_web_address_has_none(string? url) => Assert.Null(CanonicalUrl.Of(url));
}
