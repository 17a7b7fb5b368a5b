using System.Text.Json;
using Factdesk.Storage;

namespace Factdesk.FactChecks;

/// <summary>Every stored fact-check as one JSON array of ClaimReview JSON-LD, which `factdesk import` reads back into the same records.</summary>
public static class FactCheckExport
{
    /// <returns>How many fact-checks were written.</returns>
    public static int Write(IEnumerable<StoredFactCheck> facts, Stream target)
    {
        using var writer = new Utf8JsonWriter(target, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        var count = 0;
        foreach (var fact in facts)
        {
            FactCheckClaimReview.Write(fact.FactCheck).WriteTo(writer);
            count++;
        }
        writer.WriteEndArray();
        writer.Flush();
        return count;
    }
}
