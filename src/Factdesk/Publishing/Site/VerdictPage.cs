using System.Globalization;
using System.Text;

namespace Factdesk.Publishing.Site;

/// <summary>Every fact-check with one verdict, newest first; the index links here instead of listing them all.</summary>
internal static class VerdictPage
{
    private const string Root = "../";

    public static string Render(VerdictGroup group)
    {
        var body = new StringBuilder($"<h1>Verdict: {Html.Encode(group.Name)}</h1>\n");
        body.Append($"<p><span class=\"badge {VerdictBadge.ClassOf(group.Label)}\">{Html.Encode(group.Name)}</span> ");
        body.Append($"<span class=\"count\">{group.Entries.Count.ToString(CultureInfo.InvariantCulture)} fact-check(s)</span></p>\n");
        if (group.Label is { Description.Length: > 0 } label) body.Append($"<p>{Html.Encode(label.Description)}</p>\n");
        body.Append(FactCheckList.Render(FactCheckList.NewestFirst(group.Entries), Root));
        return Html.Page($"Verdict: {group.Name}", Root, body.ToString());
    }
}
