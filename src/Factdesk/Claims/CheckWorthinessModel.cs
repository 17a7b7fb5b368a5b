using Factdesk.Ingestion;
using Factdesk.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Factdesk.Claims;

/// <summary>
/// A trained check-worthiness classifier over <see cref="SentenceRow"/>: the shipped LightGBM model, or the
/// logistic-regression baseline it is compared with. Scoring is a pure function of the texts.
/// </summary>
public sealed class CheckWorthinessModel
{
    public const string FileName = "checkworthy.zip";

    private static readonly Lazy<CheckWorthinessModel?> ShippedModel = new(() => ShippedModels.LoadOrNull(FileName, Load));

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _schema;

    internal CheckWorthinessModel(MLContext ml, ITransformer transformer, DataViewSchema schema)
    {
        _ml = ml;
        _transformer = transformer;
        _schema = schema;
    }

    /// <summary>The model built into the library, or null when this build has none.</summary>
    public static CheckWorthinessModel? Shipped => ShippedModel.Value;

    public static CheckWorthinessModel Load(Stream stream)
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(stream, out var schema);
        return new CheckWorthinessModel(ml, transformer, schema);
    }

    public static CheckWorthinessModel LoadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "no such model file");
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or IOException)
        {
            throw new InputException(path, "is not a check-worthiness model saved by `factdesk train checkworthy`");
        }
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_transformer, _schema, stream);
    }

    /// <summary>The probability that each text is check-worthy, in input order.</summary>
    public IReadOnlyList<double> Score(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        var rows = _ml.Data.LoadFromEnumerable(texts.Select(t => SentenceRow.From(t)));
        var scored = _transformer.Transform(rows);
        return scored.GetColumn<float>("Probability").Select(p => Math.Clamp(float.IsNaN(p) ? 0.0 : p, 0.0, 1.0)).ToArray();
    }
}
