using BenchmarkDotNet.Running;
using Factdesk.Bench;

// `pages DIR` is the side-by-side run with bench/readability, `match DB QUERIES QRELS` the store search timing, `publish N DIR` the static site timing,
// `desk USERS SECONDS ARTICLE` the desk under concurrent users; everything else goes to BenchmarkDotNet.
if (args is ["pages", .. var rest])
    return ExtractionPages.Run(rest);
if (args is ["match", .. var matchArgs])
    return StoreMatching.Run(matchArgs);
if (args is ["publish", .. var publishArgs])
    return SitePublishing.Run(publishArgs);
if (args is ["desk", .. var deskArgs])
    return await DeskLoad.Run(deskArgs);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
