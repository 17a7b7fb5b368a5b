using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private sealed class Recorder(string name, List<string> log) : IStage
    {
        public void Process(Document document) => log.Add(name);
    }

    [Fact]
    public void Stages_run_in_the_order_they_were_added()
    {
        var log = new List<string>();
        var pipeline = new PipelineBuilder().Add(new Recorder("a", log)).Add(new Recorder("b", log)).Build();
        pipeline.Process(new Document("text", new SourceInfo(null)));
        Assert.Equal(["a", "b"], log);
    }
}
