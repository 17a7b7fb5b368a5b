using Factdesk.Evaluation;

namespace Factdesk.Tests.Evaluation;

public sealed class ChunkScorerTests
{
    private static string[] Tags(string tags) => tags.Split(' ');

    [Fact]
    public void Iob1_and_iob2_spellings_of_the_same_chunks_are_the_same_chunks()
    {
        var iob1 = ConllChunks.Find(Tags("I-PER I-PER O I-LOC B-LOC O"));
        var iob2 = ConllChunks.Find(Tags("B-PER I-PER O B-LOC B-LOC O"));

        Assert.Equal([new Chunk(0, 2, "PER"), new Chunk(3, 4, "LOC"), new Chunk(4, 5, "LOC")], iob1);
        Assert.Equal(iob1, iob2);
    }

    [Fact]
    public void A_change_of_type_starts_a_new_chunk_even_without_b()
    {
        Assert.Equal([new Chunk(0, 1, "ORG"), new Chunk(1, 3, "LOC")], ConllChunks.Find(Tags("I-ORG I-LOC I-LOC")));
    }

    [Fact]
    public void An_i_tag_after_o_or_at_the_start_opens_a_chunk_as_in_conlleval()
    {
        Assert.Equal([new Chunk(0, 1, "MISC"), new Chunk(2, 4, "MISC")], ConllChunks.Find(Tags("I-MISC O I-MISC I-MISC")));
    }

    [Fact]
    public void Iob2_round_trip_keeps_adjacent_chunks_apart()
    {
        var chunks = ConllChunks.Find(Tags("I-PER B-PER I-PER"));

        Assert.Equal(["B-PER", "B-PER", "I-PER"], ConllChunks.ToIob2(chunks, 3));
    }

    [Fact]
    public void A_chunk_counts_only_with_both_boundaries_and_its_type()
    {
        var scorer = new ChunkScorer();
        // gold: PER(0-2), LOC(3), ORG(5); predicted: PER(0-2) right, LOC(3-5) too long, ORG(5) right, MISC(6) spurious
        scorer.Add(Tags("I-PER I-PER O I-LOC O I-ORG O"), Tags("B-PER I-PER O B-LOC I-LOC B-ORG B-MISC"));

        var overall = scorer.Overall;
        Assert.Equal((3, 4, 2), (overall.Gold, overall.Predicted, overall.Correct));
        Assert.Equal(0.5, overall.Precision, 6);
        Assert.Equal(2.0 / 3, overall.Recall, 6);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), overall.F1, 6);
        Assert.Equal(0, scorer.ByType["LOC"].F1);
        Assert.Equal(1, scorer.ByType["PER"].F1);
        Assert.Equal(0, scorer.ByType["MISC"].Precision);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_rather_than_failing()
    {
        var scorer = new ChunkScorer();
        scorer.Add(Tags("I-PER O"), Tags("O O"));

        Assert.Equal((0.0, 0.0, 0.0), (scorer.Overall.Precision, scorer.Overall.Recall, scorer.Overall.F1));
        Assert.Equal(1, scorer.Sentences);
    }

    [Fact]
    public void Sequences_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ChunkScorer().Add(Tags("O O"), Tags("O")));
    }
}
