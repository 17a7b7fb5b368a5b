using BenchmarkDotNet.Attributes;
using Factdesk.Entities;

namespace Factdesk.Bench;

/// <summary>
/// Entity tagging throughput with the shipped model on one thread. The sentences are newswire-like text written
/// here (no data set needed); tokens per second = <see cref="Tokens"/> / mean time of <see cref="TagSentences"/>.
/// </summary>
// The machine is shared, so other processes inflate the mean; the minimum is closest to the tagger's own cost.
[MemoryDiagnoser, MinColumn, MedianColumn]
public class NerBenchmarks
{
    private static readonly string[] Text =
    [
        "The European Commission said on Thursday it disagreed with German advice to consumers to shun British lamb .",
        "Peter Blackburn , a spokesman for the Ministry of Agriculture in Brussels , declined to comment .",
        "Shares of Acme Corp rose 5.2 percent to $ 41.50 in early trade on the New York Stock Exchange .",
        "Russian forces and Syrian government troops advanced towards Raqqa , the Pentagon said in a statement .",
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
        "Lt. Gen. Sergei Surovikin told reporters in Moscow that the U.S.-led coalition had colluded with Islamic State .",
        "The United Nations Security Council will meet in Geneva next week to discuss the ceasefire .",
        "Maria Sharapova beat Serena Williams 6-4 6-3 in the final of the Australian Open in Melbourne .",
    ];

    private string[][] _sentences = [];
    private NerTagger _tagger = null!;

    /// <summary>Tokens tagged per call of <see cref="TagSentences"/>.</summary>
    public int Tokens => _sentences.Sum(s => s.Length);

    [GlobalSetup]
    public void Setup()
    {
        _tagger = NerTagger.Shipped ?? throw new InvalidOperationException("no entity model is built in; run `factdesk train ner` first");
        _sentences = Enumerable.Repeat(Text, 16).SelectMany(t => t).Select(s => s.Split(' ')).ToArray();
        Console.WriteLine($"// tokens per operation: {Tokens}");
    }

    [Benchmark]
    public int TagSentences()
    {
        var entities = 0;
        foreach (var sentence in _sentences)
            foreach (var tag in _tagger.Predict(sentence))
                if (tag[0] == 'B') entities++;
        return entities;
    }

    [Benchmark]
    public NerTagger LoadModel()
    {
        using var stream = Factdesk.Learning.ShippedModels.Open(NerTagger.ModelFile);
        return NerTagger.Load(stream);
    }
}
