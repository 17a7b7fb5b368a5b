namespace Factdesk.Segmentation;

/// <summary>The quotation marks of English, Russian, German and French typography.</summary>
public static class QuoteMarks
{
    public const string Openers = "“„«‘\"‚";
    public const string Closers = "”“»’\"‘";

    public static bool IsQuoteChar(char c) => c is '"' or '“' or '”' or '„' or '«' or '»' or '‘' or '’' or '‚';

    public static bool IsDouble(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    public static bool IsSingle(char c) => c is '‘' or '’' or '‚';
}
