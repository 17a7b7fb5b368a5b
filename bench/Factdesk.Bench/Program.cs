using BenchmarkDotNet.Running;
using Factdesk.Bench.Results;
using Factdesk.Bench;
using Factdesk.Bench.Peers;

// `pages DIR` is the side-by-side run with bench/peers/extract.mjs, `match DB QUERIES QRELS` the store search timing, `generate N DB ...` a store of N fact-checks for it,
// `index DB` its search indexes, `recall DB QUERIES [DIR [--export-only]]` the vector index against the exact scan, `hnsw DIR M EFC THREADS` graph settings on exported vectors, `encode VCLAIMS N THREADS` MiniLM throughput,
// `publish N DIR` the static site timing, `desk USERS SECONDS ARTICLE` the desk under concurrent users,
// `pipeline NATS_URL CLI ARTICLES WORKERS...` the monitoring pipeline's throughput,
// `vectors SIZE|DB [--smoke] [--runs N]` our vector index beside FAISS and hnswlib, `bm25 SIZE|DB [--smoke] [--runs N]` our BM25 beside Lucene and Xapian
// (bench/results/vector-search.json, bm25-search.json); everything else goes to BenchmarkDotNet.
// bench/run's modes: each writes bench/results/NAME.json; `report` rebuilds docs/BENCHMARKS.md's tables and the charts.
if (args is ["extraction", .. var extractionArgs])
    return ExtractionVersusPeers.Run(extractionArgs);
if (args is ["nlp", .. var nlpArgs])
    return NlpVersusPeers.Run(nlpArgs);
if (args is ["embeddings", .. var embeddingsArgs])
    return EmbeddingsVersusWrapper.Run(embeddingsArgs);
if (args is ["endtoend", .. var endToEndArgs])
    return EndToEnd.Run(endToEndArgs);
if (args is ["scale", .. var scaleArgs])
    return StoreScale.Run(scaleArgs);
if (args is ["quality", .. var qualityArgs])
    return QualityBesidePublished.Run(qualityArgs);
if (args is ["report", .. var reportArgs])
    return BenchReport.Run(reportArgs);
if (args is ["pages", .. var rest])
    return ExtractionPages.Run(rest);
if (args is ["match", .. var matchArgs])
    return StoreMatching.Run(matchArgs);
if (args is ["generate", .. var generateArgs])
    return StoreGeneration.Run(generateArgs);
if (args is ["index", .. var indexArgs])
    return StoreGeneration.Index(indexArgs);
if (args is ["recall", .. var recallArgs])
    return StoreRecall.Run(recallArgs);
if (args is ["hnsw", .. var hnswArgs])
    return IndexTuning.Run(hnswArgs);
if (args is ["encode", .. var encodeArgs])
    return EncodingThroughput.Run(encodeArgs);
if (args is ["publish", .. var publishArgs])
    return SitePublishing.Run(publishArgs);
if (args is ["pipeline", .. var pipelineArgs])
    return await PipelineThroughput.Run(pipelineArgs);
if (args is ["desk", .. var deskArgs])
    return await DeskLoad.Run(deskArgs);
if (args is ["vectors", .. var vectorArgs])
    return VectorSearchBench.Run(vectorArgs);
if (args is ["bm25", .. var bm25Args])
    return Bm25SearchBench.Run(bm25Args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
