using BenchmarkDotNet.Running;
using Factdesk.Bench;

// `pages DIR` is the side-by-side run with bench/readability; everything else goes to BenchmarkDotNet.
if (args is ["pages", .. var rest])
    return ExtractionPages.Run(rest);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
