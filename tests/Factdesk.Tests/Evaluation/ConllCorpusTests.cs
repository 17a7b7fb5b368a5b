using Factdesk.Evaluation;
using Factdesk.Ingestion;

namespace Factdesk.Tests.Evaluation;

public sealed class ConllCorpusTests
{
    private static IReadOnlyList<ConllDocument> Read(string text) => ConllCorpus.Read(new StringReader(text), "test.conll");

    [Fact]
    public void Documents_and_sentences_are_split_at_docstart_and_blank_lines()
    {
        var documents = Read("""
            -DOCSTART- -X- O O

            Anna NNP I-NP I-PER
            sang VBD I-VP O

            In IN I-PP O
            Oslo NNP I-NP I-LOC
            -DOCSTART- -X- O O

            Hi UH O O
            """);

        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Sentences.Count);
        Assert.Equal(["In", "Oslo"], documents[0].Sentences[1].Tokens);
        Assert.Equal(["O", "I-LOC"], documents[0].Sentences[1].Tags);
        Assert.Equal(["Hi"], documents[1].Sentences[0].Tokens);
    }

    [Fact]
    public void Two_column_files_are_read_too()
    {
        Assert.Equal(["B-ORG"], Read("Acme B-ORG\n")[0].Sentences[0].Tags);
    }

    [Fact]
    public void A_bad_tag_names_the_file_and_line()
    {
        var e = Assert.Throws<InputException>(() => Read("Anna NNP I-NP PERSON\n"));

        Assert.Equal("test.conll: line 1: 'PERSON' is not an entity tag (O, B-TYPE or I-TYPE)", e.Message);
    }

    [Fact]
    public void A_file_without_tokens_is_refused()
    {
        Assert.Throws<InputException>(() => Read("-DOCSTART- -X- O O\n\n"));
    }
}
