using System.Text.Json;
using Factdesk.Documents;
using Factdesk.Output;

namespace Factdesk.Tests.Output;

public sealed class DossierJsonTests
{
    private static JsonElement Serialize(Document doc) => JsonDocument.Parse(DossierJson.Serialize(doc)).RootElement;

    [Fact]
    public void An_empty_document_has_every_key_with_nulls_and_empty_lists()
    {
        var root = Serialize(new Document("", new SourceInfo(null)));

        Assert.Equal(["source", "text", "sentences", "entities", "quotes", "claims", "review", "matches", "claimReview"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["path", "url", "title", "site", "published", "language"],
            root.GetProperty("source").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("source").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("review").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("claimReview").ValueKind);
        Assert.Equal(0, root.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public void Annotations_follow_the_contract_names_and_casing()
    {
        var root = Serialize(SampleDocument.Create());

        Assert.Equal("2017-06-12T09:30:00+00:00", root.GetProperty("source").GetProperty("published").GetString());
        var entity = root.GetProperty("entities")[0];
        Assert.Equal("PERSON", entity.GetProperty("type").GetString());
        Assert.Equal("Oleg Ivanov", entity.GetProperty("canonical").GetString());
        Assert.Equal("LOCATION", root.GetProperty("entities")[1].GetProperty("type").GetString());

        var quote = root.GetProperty("quotes")[0];
        Assert.Equal("direct", quote.GetProperty("kind").GetString());
        Assert.Equal("commander", quote.GetProperty("speaker").GetProperty("title").GetString());
        Assert.Equal("Russian forces", quote.GetProperty("speaker").GetProperty("organization").GetString());
        Assert.Equal("indirect", root.GetProperty("quotes")[1].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("quotes")[1].GetProperty("speaker").ValueKind);

        var claim = root.GetProperty("claims")[0];
        Assert.Equal(0.875, claim.GetProperty("score").GetDouble());
        Assert.Equal("Oleg Ivanov", claim.GetProperty("claimant").GetProperty("name").GetString());

        var review = root.GetProperty("review");
        Assert.Equal("2017-06-09", review.GetProperty("claim").GetProperty("date").GetString());
        Assert.Equal("False", review.GetProperty("verdict").GetProperty("label").GetString());
        Assert.True(review.GetProperty("verdict").GetProperty("stated").GetBoolean());
        Assert.Equal("refutes", review.GetProperty("sources")[0].GetProperty("stance").GetString());
        Assert.Equal(JsonValueKind.Null, review.GetProperty("sources")[0].GetProperty("speaker").GetProperty("name").ValueKind);

        Assert.Equal(["claimText", "verdict", "url", "score"], root.GetProperty("matches")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("ClaimReview", root.GetProperty("claimReview").GetProperty("@type").GetString());
    }

    [Fact]
    public void Offsets_point_into_the_text()
    {
        var root = Serialize(SampleDocument.Create());
        var text = root.GetProperty("text").GetString()!;

        var spans = root.GetProperty("quotes").EnumerateArray().Concat(root.GetProperty("entities").EnumerateArray());
        Assert.All(spans, span => Assert.Equal(
            span.GetProperty("text").GetString(),
            text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]));
    }

    [Fact]
    public void Script_tags_cannot_break_out_of_html_while_other_scripts_stay_readable()
    {
        var json = DossierJson.Serialize(new Document("</script><b>x</b> & «Сирия» “ok”", new SourceInfo(null)));

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.Contains("«Сирия» “ok”", json);
        Assert.Equal("</script><b>x</b> & «Сирия» “ok”", JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
    }
}
