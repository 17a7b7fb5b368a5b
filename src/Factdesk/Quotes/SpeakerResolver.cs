using Factdesk.Documents;
using Factdesk.Entities;
using Factdesk.Segmentation;

namespace Factdesk.Quotes;

/// <summary>
/// Turns the words around a speech cue into a <see cref="Speaker"/>: a named person (with the title and
/// organisation known from elsewhere in the text), an organisation, a described source ("a CJTF–OIR
/// spokesperson"), or a reference back to one already seen ("the spokesperson", "the Russian commander", "He").
/// </summary>
internal sealed class SpeakerResolver(Document document, PersonProfiles profiles)
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "both", "this", "that", "these", "those", "its", "his", "her", "their", "our", "one", "two", "three",
    };

    // Auxiliaries and adverbs between a subject and its cue: "Multiple sources have reported".
    private static readonly HashSet<string> TrailingVerbWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "have", "has", "had", "is", "was", "were", "are", "will", "would", "also", "later", "then", "again", "once",
        "previously", "did", "does", "do", "not", "never", "himself", "herself", "itself", "themselves",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they" };

    // How far back a pronoun or "the spokesperson" may reach for the one it refers to.
    private const int AntecedentWindow = 3000;

    private readonly List<(int Position, Speaker Speaker)> _seen = [];

    /// <summary>
    /// The words the latest ResolveSubject/ResolveObject call read its speaker from, or null when it found none.
    /// Kept beside the result rather than in it so the many callers that only want the speaker stay as they are.
    /// </summary>
    public (int Start, int End)? LastSpan { get; private set; }

    /// <summary>The subject of a cue: the words before it, from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public Speaker? ResolveSubject(int start, int end)
    {
        LastSpan = null;
        var chunks = Chunks(start, end);
        if (chunks.Count == 0) return null;
        // "Name, title, said" or "title, Name, said": a trailing comma closes an apposition; the pair names one speaker.
        if (EndsWithComma(start, end) && chunks.Count >= 2)
        {
            var (a, b) = (chunks[^2], chunks[^1]);
            var named = HasPerson(b) && !HasPerson(a) ? b : a;
            var other = named == a ? b : a;
            var fromPair = ResolveChunk(named.Start, named.End, end) ?? ResolveChunk(other.Start, other.End, end);
            if (fromPair is not null) return fromPair;
        }
        var last = chunks[^1];
        // "... spokesperson Zhao Lijian, who said": the relative pronoun stands for the noun phrase before its comma.
        if (chunks.Count >= 2 && IsRelativePronoun(last))
            return ResolveChunk(chunks[^2].Start, chunks[^2].End, end);
        // "Kirill Smurov, the deputy director of X announced": an apposition whose closing comma the writer left out.
        if (chunks.Count >= 2 && EndsWithPerson(chunks[^2]) && !HasPerson(last) && HasRoleNoun(last))
            return ResolveChunk(chunks[^2].Start, chunks[^2].End, end);
        return ResolveChunk(last.Start, last.End, end);
    }

    private bool EndsWithPerson((int Start, int End) chunk) =>
        document.Entities.Within(chunk.Start, chunk.End).Any(e => e.Type == EntityType.Person && e.End == chunk.End);

    private bool HasRoleNoun((int Start, int End) chunk)
    {
        var tokens = document.Tokens;
        for (var i = tokens.FirstAtOrAfter(chunk.Start); i < tokens.Count && tokens[i].End <= chunk.End; i++)
            if (Roles.RoleNouns.Contains(tokens[i].Text)) return true;
        return false;
    }

    private bool IsRelativePronoun((int Start, int End) chunk)
    {
        var words = document.Text[chunk.Start..chunk.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 2 && words[0] is "who" or "which"
               && (words.Length == 1 || TrailingVerbWords.Contains(words[1]));
    }

    /// <summary>The speaker named after a cue: "said People's Protection Units (YPG) spokesman Nuri Mehmud".</summary>
    public Speaker? ResolveObject(int start, int end)
    {
        LastSpan = null;
        var chunks = Chunks(start, end);
        return chunks.Count == 0 ? null : ResolveChunk(chunks[0].Start, chunks[0].End, start);
    }

    private bool HasPerson((int Start, int End) chunk) =>
        document.Entities.Within(chunk.Start, chunk.End).Any(e => e.Type == EntityType.Person);

    public void Remember(int position, Speaker speaker) => _seen.Add((position, speaker));

    private Speaker? ResolveChunk(int start, int end, int position)
    {
        var speaker = ReadChunk(start, end, position);
        if (speaker is not null) LastSpan = (start, end);
        return speaker;
    }

    private Speaker? ReadChunk(int start, int end, int position)
    {
        var entities = document.Entities.Within(start, end).ToList();

        var tokens = document.Tokens;
        var first = tokens.FirstAtOrAfter(start);
        var words = new List<Token>();
        for (var i = first; i < tokens.Count && tokens[i].End <= end; i++) words.Add(tokens[i]);
        while (words.Count > 0 && words[0].Kind != TokenKind.Word) words.RemoveAt(0);
        while (words.Count > 0 && (words[^1].Kind != TokenKind.Word || TrailingVerbWords.Contains(words[^1].Text) || words[^1].Text.EndsWith("ly", StringComparison.Ordinal))) words.RemoveAt(words.Count - 1);
        if (words.Count == 0) return null;

        // "a screenshot of Zhao with text that says": the speaker of a relative clause is the noun right before "that".
        if (words.Count >= 2 && words[^1].Text is "that" or "which")
        {
            var noun = words[^2];
            var entity = entities.LastOrDefault(e => e.End == noun.End);
            if (entity is not null) return entity.Type == EntityType.Person ? profiles.SpeakerFor(entity.Canonical) : new Speaker(entity.Canonical, null, null);
            return Roles.SourceNouns.Contains(noun.Text) || Roles.RoleNouns.Contains(noun.Text) ? new Speaker(null, noun.Text, null) : null;
        }
        if (entities.FirstOrDefault(e => e.Type == EntityType.Person) is { } person)
            return profiles.SpeakerFor(person.Canonical);
        if (words.Count <= 2 && Pronouns.Contains(words[^1].Text)) return Antecedent(start, requirePerson: !words[^1].Text.Equals("they", StringComparison.OrdinalIgnoreCase));

        // A role noun is lower-case unless it opens the phrase: "Officials in Ruritania claim".
        var head = words.FindIndex(w => w.Kind == TokenKind.Word && (char.IsLower(w.Text[0]) || w == words[0]) && Roles.RoleNouns.Contains(w.Text)
                                        && !entities.Any(e => e.Start <= w.Start && w.End <= e.End));
        // "Social media posts claim that ...": the posts are the claimant when no person or office is named.
        if (head < 0 && entities.All(e => e.Type == EntityType.Misc))
            head = words.FindLastIndex(w => w.Kind == TokenKind.Word && Roles.SourceNouns.Contains(w.Text));
        var org = entities.FirstOrDefault(e => e.Type == EntityType.Org);
        if (head >= 0) return Nominal(words, head, org, start, end);
        if (org is not null) return new Speaker(org.Canonical, null, null);
        // A country speaking for its government: "Russia claims that ...".
        var place = entities.FirstOrDefault(e => e.Type == EntityType.Location);
        if (place is not null && words.Count <= 3) return new Speaker(place.Canonical, null, null);
        return null;
    }

    private Speaker? Nominal(List<Token> words, int head, Entity? org, int start, int end)
    {
        var text = document.Text;
        // The phrase starts after the last determiner before its head: "In June the Ukrainian health ministry" → "Ukrainian health ministry".
        var det = words.FindLastIndex(head, head + 1, w => Determiners.Contains(w.Text));
        var determiner = det >= 0 ? words[det].Text.ToLowerInvariant() : null;
        var phraseStart = det >= 0 ? words[det + 1].Start : words[0].Start;
        var phrase = text[phraseStart..words[^1].End].Trim();
        if (org is null && determiner is not ("a" or "an") && Antecedent(words, head, start) is { } known) return known;
        if (org is null) return new Speaker(null, phrase, null);
        // The organisation is named in the phrase: the title is what is left ("a CJTF–OIR spokesperson" → "spokesperson").
        // The organisation may start before the phrase ("Clinton campaign's the spokesman"): only the phrase's words count.
        var phraseEnd = words[^1].End;
        var title = (text[phraseStart..Math.Clamp(org.Start, phraseStart, phraseEnd)] + text[Math.Clamp(org.End, phraseStart, phraseEnd)..phraseEnd]).Trim(' ', ',', '’', '\'');
        if (title.StartsWith("s ", StringComparison.Ordinal)) title = title[2..];
        return new Speaker(null, title.Length == 0 ? words[head].Text : title, org.Canonical);
    }

    /// <summary>"the Russian commander": the latest speaker or person whose title has the head noun and the modifiers.</summary>
    private Speaker? Antecedent(List<Token> words, int head, int position)
    {
        var headWord = words[head].Text;
        var modifiers = words.Take(head).Where(w => char.IsUpper(w.Text[0]) && !Determiners.Contains(w.Text)).Select(w => w.Text).ToList();
        bool Matches(Speaker s)
        {
            var description = $"{s.Title} {s.Organization}";
            if (!Words.ContainsWord(description, headWord)) return false;
            return modifiers.All(m => Words.ContainsWord(description, m) || Gazetteer.Default.PlaceOfDemonym(m) is { } place && Words.ContainsWord(description, place)
                                      || description.Contains(m.TrimEnd('n', 'a'), StringComparison.OrdinalIgnoreCase));
        }
        for (var i = _seen.Count - 1; i >= 0; i--)
            if (_seen[i].Position <= position && Matches(_seen[i].Speaker)) return _seen[i].Speaker;
        // People described earlier in the text but not yet quoted: the latest mention first.
        foreach (var e in document.Entities.Within(Math.Max(0, position - AntecedentWindow), position).Where(e => e.Type == EntityType.Person).Reverse())
            if (Matches(profiles.SpeakerFor(e.Canonical))) return profiles.SpeakerFor(e.Canonical);
        return null;
    }

    /// <summary>"He added:": the latest person quoted or named before the pronoun.</summary>
    private Speaker? Antecedent(int position, bool requirePerson)
    {
        var lastSpeaker = _seen.LastOrDefault(s => s.Position <= position && (!requirePerson || s.Speaker.Name is not null && IsPerson(s.Speaker.Name)));
        var lastPerson = document.Entities.Within(Math.Max(0, position - AntecedentWindow), position).LastOrDefault(e => e.Type == EntityType.Person);
        if (lastPerson is not null && (lastSpeaker.Speaker is null || lastPerson.Start > lastSpeaker.Position))
            return profiles.SpeakerFor(lastPerson.Canonical);
        return lastSpeaker.Speaker;
    }

    private bool IsPerson(string name) => document.Entities.Any(e => e.Type == EntityType.Person && e.Canonical == name);

    private bool EndsWithComma(int start, int end)
    {
        var text = document.Text;
        var i = end - 1;
        while (i >= start && (char.IsWhiteSpace(text[i]) || text[i] is '”' or '"')) i--;
        return i >= start && text[i] == ',';
    }

    /// <summary>Comma-separated parts of a region, ignoring commas inside quotation marks and brackets.</summary>
    private List<(int Start, int End)> Chunks(int start, int end)
    {
        var text = document.Text;
        var chunks = new List<(int, int)>();
        var depth = 0;
        var chunkStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '“' or '(' or '[' or '«') depth++;
            else if (c is '”' or ')' or ']' or '»') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is ',' or ';' or ':')
            {
                AddChunk(chunks, chunkStart, i);
                chunkStart = i + 1;
            }
        }
        AddChunk(chunks, chunkStart, end);
        return chunks;
    }

    private void AddChunk(List<(int, int)> chunks, int start, int end)
    {
        var text = document.Text;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '”' or '"' && !HasOpener(text, start, end - 1))) end--;
        if (end > start) chunks.Add((start, end));
    }

    private static bool HasOpener(string text, int start, int end) => text.AsSpan(start, end - start).IndexOfAny("“\"") >= 0;
}
