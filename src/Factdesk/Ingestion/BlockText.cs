using System.Text;
using AngleSharp.Dom;

namespace Factdesk.Ingestion;

/// <summary>Prints part of a page as text: a blank line around each block element, a line break for each br.</summary>
internal static class BlockText
{
    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL",
        "BLOCKQUOTE", "FIGURE", "FIGCAPTION", "TABLE", "TR", "PRE", "DL", "DT", "DD", "FORM", "FIELDSET", "ADDRESS",
        "DETAILS", "SUMMARY",
    ];

    /// <summary>Appends the text of <paramref name="root"/>, leaving out every element <paramref name="keep"/> refuses, with what it holds.</summary>
    public static void Append(StringBuilder text, IElement root, Func<IElement, bool> keep)
    {
        var pending = new Stack<(INode Node, bool Closing)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, closing) = pending.Pop();
            switch (node)
            {
                case IElement e when closing:
                    if (Blocks.Contains(e.TagName))
                        text.Append("\n\n");
                    break;
                case IText t:
                    // Line breaks in the HTML source are layout, not paragraph ends.
                    text.Append(t.Data.ReplaceLineEndings(" "));
                    break;
                case IElement { TagName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement element when keep(element):
                    if (Blocks.Contains(element.TagName))
                        text.Append("\n\n");
                    pending.Push((element, true));
                    for (var child = element.LastChild; child != null; child = child.PreviousSibling)
                        pending.Push((child, false));
                    break;
            }
        }
    }
}
