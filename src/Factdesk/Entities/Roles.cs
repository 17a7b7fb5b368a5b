namespace Factdesk.Entities;

/// <summary>Words that mark people and organisations: ranks and honorifics, role nouns, organisation heads.</summary>
public static class Roles
{
    /// <summary>Ranks and honorifics written before a name; they are not part of the name.</summary>
    public static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady",
        "Gen", "General", "Lt", "Lieutenant", "Col", "Colonel", "Maj", "Major", "Capt", "Captain", "Sgt", "Sergeant",
        "Adm", "Admiral", "Cmdr", "Commander", "Brig", "Brigadier", "Marshal", "Field",
        "Sen", "Senator", "Rep", "Representative", "Gov", "Governor", "Rev", "Reverend", "Hon",
        "President", "Vice", "Prime", "Minister", "Chancellor", "King", "Queen", "Prince", "Princess",
        "Pope", "Mayor", "Judge", "Justice", "Secretary", "Ambassador", "Chief", "Deputy", "Foreign", "Defense", "Defence",
    };

    /// <summary>Nouns that name what a person or an office does ("spokesman", "commander").</summary>
    public static readonly HashSet<string> RoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons", "commander", "minister",
        "secretary", "director", "director-general", "author", "founder", "co-founder", "leader", "chief", "head",
        "editor", "journalist", "official", "officials", "officer", "analyst", "expert", "experts", "professor",
        "researcher", "ambassador", "president", "chairman", "chairwoman", "chair", "ceo", "lawmaker", "senator",
        "representative", "governor", "mayor", "general", "adviser", "advisor", "correspondent", "reporter",
        "press office", "office", "spokesmen", "sources", "source", "member", "mp", "candidate", "deputy", "envoy",
        "diplomat", "diplomats", "activist", "scientist", "doctor", "economist", "historian", "investigator",
        "prosecutor", "judge", "lawyer", "attorney", "colonel", "lieutenant", "ministry", "agency", "presenter",
        "host", "anchor", "blogger", "commentator", "politician", "councillor", "councilor", "manager", "owner",
        "chancellor", "premier", "king", "queen", "monarch", "militants", "fighters", "residents", "witnesses",
        "officers", "soldiers", "troops", "commanders", "leaders", "ministers", "scientists", "doctors", "researchers",
        "criminologist", "epidemiologist", "virologist", "sociologist", "psychologist", "physician", "nurse", "teacher",
        "engineer", "pilot", "farmer", "student", "entrepreneur", "businessman", "businesswoman", "academic", "lecturer",
        "policeman", "campaigner", "organiser", "organizer", "coordinator", "administrator", "strategist", "consultant",
    };

    /// <summary>Things that make claims without being people or offices: "Social media posts claim that ...".</summary>
    public static readonly HashSet<string> SourceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "post", "posts", "users", "accounts", "videos", "video", "messages", "tweets", "tweet", "articles", "article",
        "websites", "website", "reports", "report", "statement", "memes", "meme", "images", "clip", "claims",
        "text", "caption", "sign", "banner", "headline", "screenshot", "letter", "leaflet", "petition",
        "paper", "newspaper", "outlet", "outlets", "broadcast", "documentary", "story",
    };

    /// <summary>Head words of organisation names.</summary>
    public static readonly HashSet<string> OrgKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ministry", "Department", "Command", "Forces", "Force", "Units", "Unit", "Coalition", "Organization", "Organisation",
        "Office", "Agency", "Council", "Committee", "Union", "Party", "Army", "Navy", "Bank", "Institute", "University",
        "Center", "Centre", "Service", "Services", "Embassy", "Parliament", "Government", "Company", "Corporation",
        "Corp", "Inc", "Ltd", "Group", "Foundation", "Association", "Commission", "Court", "Police", "Guard", "Operation",
        "News", "Times", "Post", "Press", "Network", "Directorate", "Administration", "Authority", "Board", "Bureau",
        "Federation", "League", "Movement", "Front", "Brigade", "Battalion", "Regiment", "Corps", "Alliance", "Assembly",
        "Congress", "Senate", "House", "Cabinet", "Kremlin", "Pentagon", "Media", "Television", "TV", "Radio", "Channel",
        "Journal", "Gazette", "Herald", "Tribune", "Telegraph", "Guardian", "Daily", "Institution", "Laboratory",
        "Laboratories", "Hospital", "School", "College", "Academy", "Society", "Fund", "Trust", "Program", "Programme",
        "Initiative", "Project", "Club", "Team", "Statistics", "Monitoring", "Observatory", "Mission", "Task", "Staff",
        "Consortium", "Cooperative", "Partnership", "Holdings", "Utility", "Utilities", "Airlines", "Airways", "Railways",
    };

    /// <summary>Prepositions after which a lone capitalised word is most often a place.</summary>
    public static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "toward", "towards", "outside", "around", "across", "northern", "southern", "eastern", "western",
    };

    /// <summary>Nouns whose "of X" complement is a place ("the localities of Tadia").</summary>
    public static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "city", "cities", "town", "towns", "village", "villages", "locality", "localities", "province", "provinces",
        "region", "regions", "district", "districts", "settlement", "settlements", "capital", "outskirts", "area",
        "port", "island", "coast", "suburb", "neighbourhood", "neighborhood", "county", "state", "republic",
    };
}
