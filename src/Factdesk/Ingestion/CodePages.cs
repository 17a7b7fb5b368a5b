using System.Text;

namespace Factdesk.Ingestion;

/// <summary>Legacy encodings (windows-1251, KOI8-R, ...) that .NET only knows once the code-page provider is registered.</summary>
internal static class CodePages
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static Encoding? Get(string label)
    {
        _ = Registered.Value;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
