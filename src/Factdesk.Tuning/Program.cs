using System.Globalization;
using Factdesk.Matching;
using Factdesk.Tuning;
using TorchSharp;

torch.set_num_threads(int.TryParse(Environment.GetEnvironmentVariable("TUNE_THREADS"), out var threads) ? threads : 1);
switch (args.FirstOrDefault())
{
    case "verify":
    case "verify-arctic":
    {
        string[] texts = ["Joe Biden said he would ban fracking.", "A photo shows sharks swimming on a flooded highway after Hurricane Harvey", "5G towers spread the coronavirus — Some One (@someone) March 3, 2020", "x"];
        var arctic = args[0] == "verify-arctic";
        var torchModel = MiniLmTorch.Load(arctic);
        using var onnx = arctic ? SentenceEncoder.LoadArctic() : SentenceEncoder.Load();
        var a = torchModel.Encode(texts);
        var b = onnx.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a[i], b[i]):0.000000}  {texts[i]}"));
        break;
    }
    case "verify-tuned":
    {
        // The tuned file run by ONNX Runtime (float16 weights patched into the graph) against TorchSharp with the same weights.
        var tunedWeights = TunedWeights.LoadFile(args[1]);
        string[] texts = ["Joe Biden said he would ban fracking.", "A photo shows sharks swimming on a flooded highway after Hurricane Harvey", "5G towers spread the coronavirus — Some One (@someone) March 3, 2020"];
        var torchModel = MiniLmTorch.Load().With(tunedWeights.Tensors.ToDictionary(p => p.Key, p => torch.tensor(p.Value.Values, p.Value.Dims)));
        using var onnx = SentenceEncoder.LoadTuned(tunedWeights);
        using var plain = SentenceEncoder.Load();
        var a = torchModel.Encode(texts);
        var b = onnx.Encode(texts);
        var c = plain.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch vs onnx {System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a[i], b[i]):0.000000}, tuned vs base {System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(b[i], c[i]):0.0000}  {texts[i]}"));
        break;
    }
    case "tune":
        return Tuner.Run(args[1..]);
    case "cross":
        return CrossTuner.Run(args[1..]);
    default:
        Console.Error.WriteLine("usage: run.sh verify | verify-arctic | verify-tuned FILE | tune [--arctic] [--data DIR] [--layers 2] [--epochs 2] [--rate 5e-5] [--batch 16] [--scale 20] [--folds 5] [--only-folds N] [--oof FILE] [--out FILE] | cross [--layers 2] [--epochs 2] [--rate 1e-4] [--head-rate 1e-3] [--batch 4] [--negatives 7] [--depth 30] [--score-depth 30] [--negative-depth 30] [--max-tweet 64] [--folds 5] [--only-folds N] [--oof FILE]  (TUNE_THREADS=1 by default)");
        return 2;
}
return 0;
