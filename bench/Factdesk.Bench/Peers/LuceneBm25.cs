using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Factdesk.Bench.Peers;

/// <summary>
/// The Lucene peer of the BM25 benchmark, in process (Lucene.Net 4.8): an in-memory index with Lucene's English
/// analysis (standard tokenizer, English stop words, Porter stemmer) and BM25 with k1 1.2 and b 0.75 like ours. A
/// query is its analysed terms, distinct, at most <see cref="Matching.FactCheckSearch.MaxQueryTerms"/> as ours, each
/// an optional clause: the same disjunction our index answers, without query syntax a tweet would trip over.
/// </summary>
internal sealed class LuceneBm25 : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Text = "text";
    private const string Label = "label";

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneBm25(IEnumerable<CorpusDocument> documents)
    {
        var similarity = new BM25Similarity(1.2f, 0.75f);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = similarity, OpenMode = OpenMode.CREATE }))
        {
            foreach (var document in documents)
                writer.AddDocument(new Document { new StoredField(Label, document.Label), new TextField(Text, document.Text, Field.Store.NO) });
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
    }

    public long[] Search(string query, int top)
    {
        var clauses = new BooleanQuery();
        foreach (var term in Terms(query).Distinct(StringComparer.Ordinal).Take(Matching.FactCheckSearch.MaxQueryTerms))
            clauses.Add(new TermQuery(new Term(Text, term)), Occur.SHOULD);
        if (clauses.Clauses.Count == 0) return [];
        return _searcher.Search(clauses, top).ScoreDocs.Select(hit => _searcher.Doc(hit.Doc).GetField(Label).GetInt64Value() ?? 0).ToArray();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
