using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class CsvRecordsTests
{
    private static string[][] Read(string csv) => CsvRecords.Read(new StringReader(csv)).ToArray();

    [Fact]
    public void Quoted_fields_keep_commas_newlines_and_doubled_quotes()
    {
        var rows = Read("Body ID,articleBody\n7,\"First line, with a comma.\nSecond \"\"quoted\"\" line.\"\n8,plain\n");
        Assert.Equal(3, rows.Length);
        Assert.Equal(["7", "First line, with a comma.\nSecond \"quoted\" line."], rows[1]);
        Assert.Equal(["8", "plain"], rows[2]);
    }

    [Fact]
    public void Crlf_endings_and_a_missing_final_newline_are_read()
    {
        var rows = Read("a,b\r\n1,\"x\r\ny\"\r\n2,z");
        Assert.Equal(["1", "x\r\ny"], rows[1]);
        Assert.Equal(["2", "z"], rows[2]);
    }

    [Fact]
    public void Empty_fields_are_kept()
    {
        Assert.Equal(["", "", ""], Read(",,\n")[0]);
        Assert.Empty(Read(""));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Fields_are_quoted_only_when_they_must_be(string value, string written)
    {
        Assert.Equal(written, CsvRecords.Field(value));
        Assert.Equal(value, Read(written)[0][0]);
    }
}
