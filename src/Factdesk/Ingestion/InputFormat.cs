namespace Factdesk.Ingestion;

internal enum InputFormat { Text, Markdown, Html }

internal static class InputFormats
{
    /// <summary>The format an extension names, or null when it names none we know (then the content decides).</summary>
    public static InputFormat? FromExtension(string? extension) =>
        extension?.TrimStart('.').ToLowerInvariant() switch
        {
            "txt" or "text" => InputFormat.Text,
            "md" or "markdown" => InputFormat.Markdown,
            "html" or "htm" or "xhtml" => InputFormat.Html,
            _ => null,
        };

    /// <summary>HTML when the start of the input looks like a page or a fragment of one, else plain text.</summary>
    public static InputFormat Sniff(string head)
    {
        var start = head.AsSpan().TrimStart();
        if (start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Html;
        return head.Contains("<body", StringComparison.OrdinalIgnoreCase) ||
               head.Contains("<p>", StringComparison.OrdinalIgnoreCase) ||
               head.Contains("<p ", StringComparison.OrdinalIgnoreCase)
            ? InputFormat.Html
            : InputFormat.Text;
    }
}
