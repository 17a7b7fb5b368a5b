namespace Factdesk.Entities;

/// <summary>People named in full in a document, so that "Surovikin" or "Zhao" resolves to the full name.</summary>
internal sealed class PersonIndex
{
    private readonly List<string> _fullNames = [];

    public void Add(string fullName)
    {
        if (!_fullNames.Contains(fullName)) _fullNames.Add(fullName);
    }

    /// <summary>The one full name that a mention stands for, or null when none or several fit.</summary>
    public string? Resolve(string mention)
    {
        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        // Longest full name that contains the mention's words in order: "Sergei Surovikin" within "Gen. Sergei Surovikin".
        var containing = _fullNames.Where(n => ContainsWords(n, words)).OrderByDescending(n => n.Length).ToList();
        if (containing.Count == 0) return null;
        if (words.Length > 1) return containing[0];
        var bySurname = containing.Where(n => n.EndsWith(" " + words[0], StringComparison.Ordinal)).ToList();
        if (bySurname.Count == 1) return bySurname[0];
        if (bySurname.Count == 0 && containing.Count == 1) return containing[0]; // family name first: "Zhao Lijian"
        return null;
    }

    private static bool ContainsWords(string fullName, string[] words)
    {
        var nameWords = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var k = 0;
        foreach (var w in nameWords)
            if (k < words.Length && string.Equals(w, words[k], StringComparison.Ordinal)) k++;
        return k == words.Length;
    }
}
