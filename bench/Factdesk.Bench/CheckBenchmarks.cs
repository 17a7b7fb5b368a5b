using BenchmarkDotNet.Attributes;
using Factdesk.Ingestion;
using Factdesk.Output;
using Factdesk.Pipeline;

namespace Factdesk.Bench;

/// <summary>
/// `factdesk check --format json` on the example article, minus process start-up. The pipeline is built once:
/// stages will load their models when constructed, and that cost belongs to start-up, not to each article.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _article = "";
    private AnalysisPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _article = Path.Combine(RepositoryRoot(), "..", "shared", "examples", "polygraph-surovikin-raqqa.txt");
        if (!File.Exists(_article))
            throw new FileNotFoundException("The example article is expected in ../shared/examples beside the repository", _article);
        _pipeline = PipelineBuilder.CreateDefault().Build();
    }

    [Benchmark]
    public string CheckExampleArticle() => DossierJson.Serialize(_pipeline.Process(ArticleLoader.Load(_article)));

    // BenchmarkDotNet runs this from a generated project deep under bin/, so look upwards for the solution file.
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Factdesk.slnx")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("No Factdesk.slnx above " + AppContext.BaseDirectory);
    }
}
