using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Factdesk.Ingestion;

/// <summary>
/// Finds the article in a parsed page and returns its text, one block a paragraph. The page is read without
/// being changed: one pass lists the elements that can hold article text and sums their text, link text and
/// commas; prose blocks then vote for the containers above them, the best container wins together with the
/// siblings that score close to it, and a second walk prints that part while leaving out link lists, captions
/// and page furniture. Null when no block on the page reads like prose.
/// </summary>
internal sealed partial class MainContent
{
    // A block shorter than this is a label, a button or a byline, not a paragraph that can vote.
    private const int MinParagraphLength = 25;

    // An article this short may mean its container was skipped for a misleading class name.
    private const int ShortArticle = 500;

    // How much a paragraph's vote weighs at each level above it: its parent gets all of it, further ancestors less.
    private static readonly double[] AncestorShare = [1, 1 / 2.0, 1 / 6.0, 1 / 9.0, 1 / 12.0];

    // Subtrees that never hold article text, whatever their size.
    private static readonly HashSet<string> Ignored =
    [
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "HEAD", "NAV", "ASIDE", "FOOTER", "HEADER",
        "FIGCAPTION", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "OBJECT", "EMBED", "CANVAS", "VIDEO", "AUDIO",
        "MENU", "DIALOG", "MATH", "H1",
    ];

    // Phrasing elements: their text reads as part of the block around them.
    private static readonly HashSet<string> Inline =
    [
        "A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DFN", "EM", "FONT", "I", "IMG", "KBD", "MARK", "Q", "S", "SAMP",
        "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR", "INS", "DEL", "PICTURE", "SOURCE", "LABEL",
    ];

    // Containers that are dropped from the printed article when they read like a link list or a widget.
    private static readonly HashSet<string> Judged = ["DIV", "SECTION", "UL", "OL", "DL", "TABLE", "FORM", "FIELDSET", "FIGURE"];

    private readonly List<IElement> _elements = [];
    private readonly List<int> _parent = [];
    private readonly List<int> _weight = [];
    private readonly Dictionary<IElement, int> _index = [];
    private readonly Dictionary<string, Hint> _hints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);
    private int[] _text = [];
    private int[] _links = [];
    private int[] _commas = [];
    private int[] _breaks = [];
    private int[] _inlineText = [];
    private int[] _inlineCommas = [];
    private bool[] _blockChild = [];
    private double[] _scores = [];
    private bool[] _voted = [];
    private readonly bool _skipUnlikely;

    private MainContent(bool skipUnlikely)
    {
        _skipUnlikely = skipUnlikely;
    }

    public static string? Text(IElement body)
    {
        var text = Text(body, skipUnlikely: true);
        if (text is { Length: >= ShortArticle })
            return text;
        // Class names mislead now and then: a theme calls the wrapper of the whole page "right-sidebar".
        var again = Text(body, skipUnlikely: false);
        return (again?.Length ?? 0) > (text?.Length ?? 0) ? again : text;
    }

    private static string? Text(IElement body, bool skipUnlikely)
    {
        var content = new MainContent(skipUnlikely);
        content.Measure(body);
        var top = content.BestContainer();
        return top < 0 ? null : content.Print(top);
    }

    /// <summary>Lists the elements worth reading in document order and sums their text from the leaves up.</summary>
    private void Measure(IElement body)
    {
        var textOwn = new List<int>();
        var linkOwn = new List<int>();
        var commaOwn = new List<int>();
        var breaks = new List<int>();
        // Text in inline elements (a, span, em) belongs to the nearest block above it, which it reads as part of.
        var owner = new List<int>();
        var pending = new Stack<(INode Node, int Parent, bool InLink)>();
        pending.Push((body, -1, false));
        while (pending.Count > 0)
        {
            var (node, parent, inLink) = pending.Pop();
            if (node is IText text)
            {
                if (parent < 0)
                    continue;
                var (length, commas) = Measure(text.Data);
                textOwn[parent] += length;
                commaOwn[parent] += commas;
                if (inLink)
                    linkOwn[parent] += length;
                continue;
            }
            if (node is not IElement element || (parent >= 0 && Skipped(element, Hints(element))))
                continue;
            if (element.TagName == "BR")
            {
                if (parent >= 0)
                    breaks[owner[parent]]++;
                continue;
            }
            var index = _elements.Count;
            _elements.Add(element);
            _parent.Add(parent);
            _weight.Add(parent >= 0 ? ClassWeight(element) : 0);
            _index[element] = index;
            textOwn.Add(0);
            linkOwn.Add(0);
            commaOwn.Add(0);
            breaks.Add(0);
            owner.Add(parent >= 0 && IsInline(element.TagName) ? owner[parent] : index);
            var childInLink = inLink || element.TagName == "A";
            for (var child = element.LastChild; child != null; child = child.PreviousSibling)
                pending.Push((child, index, childInLink));
        }

        var count = _elements.Count;
        _text = [.. textOwn];
        _links = [.. linkOwn];
        _commas = [.. commaOwn];
        _breaks = [.. breaks];
        _blockChild = new bool[count];
        _inlineText = new int[count];
        _inlineCommas = new int[count];
        for (var i = 0; i < count; i++)
        {
            _inlineText[owner[i]] += textOwn[i];
            _inlineCommas[owner[i]] += commaOwn[i];
        }
        // Children come after their parents in document order, so one backward sweep sums every subtree.
        for (var i = count - 1; i > 0; i--)
        {
            var p = _parent[i];
            _text[p] += _text[i];
            _links[p] += _links[i];
            _commas[p] += _commas[i];
            if (!IsInline(_elements[i].TagName))
                _blockChild[p] = true;
        }
    }

    private static bool IsInline(string tag) => Inline.Contains(tag);

    /// <summary>Characters of text, counting each run of white space as one, and its commas.</summary>
    private static (int Length, int Commas) Measure(string data)
    {
        var length = 0;
        var commas = 0;
        var space = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                    length++;
                space = true;
                continue;
            }
            space = false;
            length++;
            if (c is ',' or '，' or '、')
                commas++;
        }
        return (length, commas);
    }

    /// <summary>Whether an element's subtree is left out altogether: chrome, hidden parts and boilerplate widgets.</summary>
    private bool Skipped(IElement element, Hint hint)
    {
        if (Ignored.Contains(element.TagName))
            return true;
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
            return true;
        if (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style))
            return true;
        if (element.GetAttribute("role") is "navigation" or "complementary" or "banner" or "contentinfo" or "menu" or "menubar" or "dialog" or "alert" or "alertdialog")
            return true;
        return _skipUnlikely && (hint & (Hint.Unlikely | Hint.Likely)) == Hint.Unlikely && element.TagName is not ("A" or "MAIN" or "ARTICLE");
    }

    /// <summary>What an element's class and id say about it; names repeat on a page, so each is judged once.</summary>
    private Hint Hints(IElement element) => Hints(element.ClassName) | Hints(element.Id);

    private Hint Hints(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return Hint.None;
        if (_hints.TryGetValue(name, out var hint))
            return hint;
        hint = (Unlikely().IsMatch(name) ? Hint.Unlikely : 0) | (Likely().IsMatch(name) ? Hint.Likely : 0);
        return _hints[name] = hint;
    }

    /// <summary>Positive for article-like class and id names, negative for chrome; each of the two counts.</summary>
    private int ClassWeight(IElement element) => Weight(element.ClassName) + Weight(element.Id);

    private int Weight(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return 0;
        if (_weights.TryGetValue(name, out var weight))
            return weight;
        weight = (Negative().IsMatch(name) ? -25 : 0) + (Positive().IsMatch(name) ? 25 : 0);
        return _weights[name] = weight;
    }

    [Flags]
    private enum Hint
    {
        None = 0,
        Unlikely = 1,
        Likely = 2,
    }

    /// <summary>Every prose block votes for the containers above it; the container with most votes, less its links, wins.</summary>
    private int BestContainer()
    {
        var scores = new double[_elements.Count];
        var voted = new bool[_elements.Count];
        for (var i = 1; i < _elements.Count; i++)
        {
            double vote;
            int ancestor;
            if (IsParagraph(i))
            {
                vote = 1 + _commas[i] + Math.Min(_text[i] / 100, 3);
                ancestor = _parent[i];
            }
            else if (_blockChild[i] && _inlineText[i] >= MinParagraphLength && _elements[i].TagName is "DIV" or "SECTION" or "ARTICLE" or "MAIN" or "TD")
            {
                // Loose text between the blocks of a container, often split by pairs of line breaks, is prose too:
                // each run between breaks counts as a paragraph of its own and the container is its parent.
                var runs = 1 + _breaks[i] / 2;
                vote = runs + _inlineCommas[i] + Math.Min(_inlineText[i] / 100, 3 * runs);
                ancestor = i;
            }
            else
            {
                continue;
            }
            for (var level = 0; level < AncestorShare.Length && ancestor >= 0; level++, ancestor = _parent[ancestor])
            {
                if (!voted[ancestor])
                {
                    voted[ancestor] = true;
                    scores[ancestor] = TagScore(_elements[ancestor].TagName) + _weight[ancestor];
                }
                scores[ancestor] += vote * AncestorShare[level];
            }
        }

        var best = -1;
        var bestScore = double.MinValue;
        for (var i = 0; i < _elements.Count; i++)
        {
            if (!voted[i])
                continue;
            scores[i] *= 1 - LinkDensity(i);
            if (scores[i] > bestScore)
            {
                best = i;
                bestScore = scores[i];
            }
        }
        if (best < 0)
            return -1;
        // A winner that is its parent's only child with text loses nothing by widening to the parent,
        // and its siblings' paragraphs (intro, continuation) are then in reach.
        while (_parent[best] > 0 && _text[_parent[best]] == _text[best])
            best = _parent[best];
        _scores = scores;
        _voted = voted;
        return best;
    }

    private bool IsParagraph(int i)
    {
        if (_text[i] < MinParagraphLength)
            return false;
        return _elements[i].TagName switch
        {
            "P" or "PRE" or "TD" or "BLOCKQUOTE" => true,
            "DIV" or "SECTION" or "ARTICLE" => !_blockChild[i],
            _ => false,
        };
    }

    private static int TagScore(string tag) => tag switch
    {
        "DIV" or "ARTICLE" or "MAIN" or "SECTION" => 5,
        "PRE" or "TD" or "BLOCKQUOTE" => 3,
        "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
        "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
        _ => 0,
    };

    private double LinkDensity(int i) => _text[i] == 0 ? 0 : (double)_links[i] / _text[i];

    /// <summary>The winner's text, with the siblings that belong with it: high-scoring containers and plain prose.</summary>
    private string Print(int top)
    {
        var text = new StringBuilder();
        var parent = _parent[top];
        if (parent < 0)
        {
            Append(text, _elements[top]);
            return text.ToString();
        }
        var threshold = Math.Max(10, _scores[top] * 0.2);
        var topClass = _elements[top].ClassName;
        foreach (var sibling in _elements[parent].Children)
        {
            if (!_index.TryGetValue(sibling, out var s))
                continue;
            if (s == top || BelongsWithTop(s, threshold, topClass))
                Append(text, sibling);
        }
        return text.ToString();
    }

    private bool BelongsWithTop(int s, double threshold, string? topClass)
    {
        if (_voted[s])
        {
            var bonus = !string.IsNullOrEmpty(topClass) && _elements[s].ClassName == topClass ? threshold : 0;
            if (_scores[s] + bonus >= threshold)
                return true;
        }
        if (_elements[s].TagName is not ("P" or "DIV") || _blockChild[s])
            return false;
        var density = LinkDensity(s);
        if (_text[s] > 80)
            return density < 0.25;
        return density == 0 && _text[s] > 0 && EndsSentence(_elements[s].TextContent);
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' or '"' or '”';
    }

    // A chosen block is printed even when its name would make it a widget: the votes said it is the article.
    private void Append(StringBuilder text, IElement block) => BlockText.Append(text, block, e => e == block || Kept(e));

    /// <summary>What the measuring pass skipped stays out of the printed text, and so do widgets.</summary>
    private bool Kept(IElement element) => _index.TryGetValue(element, out var i) && !IsWidget(i);

    /// <summary>
    /// A container inside the article that is not part of it: a list of links, a share bar, a block of image
    /// credits. Containers with many commas are prose and always stay.
    /// </summary>
    private bool IsWidget(int i)
    {
        if (!Judged.Contains(_elements[i].TagName) || _commas[i] >= 10)
            return false;
        if (_weight[i] < 0)
            return true;
        // Named like the article, a container may link more before it counts as a link list.
        var density = LinkDensity(i);
        return _weight[i] < 25 ? density > 0.2 : density > 0.5;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    // Names of page parts that are not the article: skipped unless the name also says article.
    [GeneratedRegex(@"banner|breadcrumb|combx|comment|community|consent|cookie|disqus|extra|foot|gdpr|header|legend|menu|modal|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplement|ad-break|agegate|pagination|pager|popup|newsletter|subscri|signup|share|sharing|promo|recirc|outbrain|taboola|trending|most-popular|navbar|masthead",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Likely();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"hidden|\bhid\b|banner|combx|comment|com-|contact|foot|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|byline|author",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();
}
