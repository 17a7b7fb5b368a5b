using System.Globalization;
using Factdesk.Matching;
using Factdesk.Tuning;
using TorchSharp;

torch.set_num_threads(int.TryParse(Environment.GetEnvironmentVariable("TUNE_THREADS"), out var threads) ? threads : 1);
switch (args.FirstOrDefault())
{
    case "verify":
    {
        string[] texts = ["Joe Biden said he would ban fracking.", "A photo shows sharks swimming on a flooded highway after Hurricane Harvey", "5G towers spread the coronavirus — Some One (@someone) March 3, 2020", "x"];
        var torchModel = MiniLmTorch.Load();
        using var onnx = SentenceEncoder.Load();
        var a = torchModel.Encode(texts);
        var b = onnx.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a[i], b[i]):0.000000}  {texts[i]}"));
        break;
    }
    case "tune":
        return Tuner.Run(args[1..]);
    default:
        Console.Error.WriteLine("usage: Factdesk.Tuning verify | tune ...");
        return 2;
}
return 0;
