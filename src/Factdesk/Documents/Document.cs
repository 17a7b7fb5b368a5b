namespace Factdesk.Documents;

/// <summary>
/// The one object every pipeline stage reads and enriches in place: the main text of an article
/// and annotation spans whose offsets point into <see cref="Text"/>.
/// </summary>
public sealed class Document
{
    public Document(string text, SourceInfo source)
    {
        Text = text;
        Source = source;
    }

    public string Text { get; }
    public SourceInfo Source { get; }

    public List<Sentence> Sentences { get; } = [];
    public List<Token> Tokens { get; } = [];
    public List<Entity> Entities { get; } = [];
    public List<Quote> Quotes { get; } = [];
    public List<Claim> Claims { get; } = [];
    public ReviewInfo? Review { get; set; }
    public List<ClaimMatch> Matches { get; } = [];

    /// <summary>schema.org ClaimReview JSON-LD, when the page carried one or a verdict was published.</summary>
    public System.Text.Json.Nodes.JsonObject? ClaimReview { get; set; }

    public string Slice(int start, int end) => Text[start..end];
    public string Slice(ISpan span) => Text[span.Start..span.End];
}
