using Factdesk.Documents;

namespace Factdesk.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static List<Entity> Entities(string text) => Analyse.WithEntities(text).Entities;

    [Fact]
    public void Aliases_in_running_text_share_the_canonical_name()
    {
        var entities = Entities("Fighters of IS attacked the town, while ISIS and ISIL supporters celebrated online and Daesh claimed it.");

        Assert.Equal(["IS", "ISIS", "ISIL", "Daesh"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(("Islamic State", EntityType.Org), (e.Canonical, e.Type)));
    }

    [Fact]
    public void An_acronym_defined_in_parentheses_stands_for_the_long_name_everywhere()
    {
        var entities = Entities(
            "The Northern Water Authority (NWA) raised its prices twice in the past year. Critics said the NWA had failed its customers for years.");

        Assert.Equal(3, entities.Count);
        Assert.All(entities, e => Assert.Equal(("Northern Water Authority", EntityType.Org), (e.Canonical, e.Type)));
        Assert.Equal(2, entities.Count(e => e.Text == "NWA"));
    }

    [Fact]
    public void A_name_defined_by_an_acronym_is_not_a_person()
    {
        var entities = Entities(
            "The Northern Water Consortium (NWC) raised its prices twice in the past year. Critics said the NWC had failed its customers for years.");

        Assert.Equal(3, entities.Count);
        Assert.All(entities, e => Assert.Equal("Northern Water Consortium", e.Canonical));
        Assert.All(entities, e => Assert.NotEqual(EntityType.Person, e.Type));
    }

    [Fact]
    public void A_bracketed_gloss_gives_the_name_before_it_the_canonical_name_inside()
    {
        var entities = Entities("The statement came from the Coastal Defence League [Harbour Protection Front] late on Friday night.");

        Assert.Equal(["Coastal Defence League", "Harbour Protection Front"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(("Harbour Protection Front", EntityType.Org), (e.Canonical, e.Type)));
    }

    [Fact]
    public void A_surname_alone_resolves_to_the_person_named_in_full_earlier()
    {
        var entities = Entities(
            "The union leader Ingrid Halvorsen spoke first at the rally in the square. Later, Halvorsen told the crowd to stay calm.");

        Assert.Equal(["Ingrid Halvorsen", "Halvorsen"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(("Ingrid Halvorsen", EntityType.Person), (e.Canonical, e.Type)));
    }

    [Fact]
    public void A_surname_shared_by_two_people_stays_unresolved()
    {
        var entities = Entities(
            "The lawyer Anna Brandt and the judge Karl Brandt met in the court of appeal last week. Later, Brandt told the press nothing.");

        var lone = Assert.Single(entities, e => e.Text == "Brandt");
        Assert.Equal("Brandt", lone.Canonical);
    }

    [Fact]
    public void Capitalised_function_words_at_sentence_starts_are_not_entities()
    {
        Assert.Empty(Entities("However, the talks failed. According to the report, nothing changed. Meanwhile prices rose. Although it rained, they stayed."));
    }

    [Fact]
    public void The_localities_of_A_and_B_are_two_places()
    {
        var entities = Entities("Soldiers entered the localities of Tadia and al-Hamam after a long night of fighting.");

        Assert.Equal(["Tadia", "al-Hamam"], entities.Select(e => e.Text));
        Assert.All(entities, e => Assert.Equal(EntityType.Location, e.Type));
    }

    [Fact]
    public void A_title_case_headline_yields_only_names_known_from_the_body()
    {
        const string headline = "Halvorsen Warns Coastal Towns As Residents Flee Their Homes";
        var entities = Entities(headline + "\nThe union leader Ingrid Halvorsen spoke first at the rally in the square.");

        var inHeadline = entities.Where(e => e.End <= headline.Length).ToList();
        Assert.Equal("Halvorsen", Assert.Single(inHeadline).Text);
        Assert.Equal("Ingrid Halvorsen", inHeadline[0].Canonical);
    }

    [Fact]
    public void A_title_case_headline_with_no_known_names_yields_none()
    {
        Assert.Empty(Entities("Storm Batters Coastal Towns As Residents Flee Their Homes\nThe storm hit the coast overnight and residents of three towns left."));
    }

    [Fact]
    public void Known_aliases_are_found_in_headlines()
    {
        var entities = Entities("Kremlin Says Storm Batters Coastal Towns As Residents Flee\nThe storm hit the coast overnight and residents left.");

        Assert.Equal(("Kremlin", EntityType.Org), (Assert.Single(entities).Canonical, entities[0].Type));
    }

    [Fact]
    public void A_short_sentence_ending_in_a_period_is_not_a_headline()
    {
        var person = Assert.Single(Entities("Tomas Reyes visited the site on Monday."));

        Assert.Equal(("Tomas Reyes", EntityType.Person), (person.Text, person.Type));
    }

    [Fact]
    public void Dates_are_entities_alongside_names()
    {
        var entities = Entities("The union leader Ingrid Halvorsen will speak on June 6, after talks ended on 22 November 2023, and again in early June.");

        Assert.Equal(["June 6", "22 November 2023", "early June"], entities.Where(e => e.Type == EntityType.Date).Select(e => e.Text));
        Assert.Contains(entities, e => e.Type == EntityType.Person && e.Text == "Ingrid Halvorsen");
    }

    [Fact]
    public void Ranks_are_not_part_of_the_name_and_offsets_point_at_the_mention()
    {
        const string text = "Lt. Gen. Mark Ellwood said the U.S.-led coalition had left the region of Kharvia in the spring.";

        var entities = Entities(text);

        var person = Assert.Single(entities, e => e.Type == EntityType.Person);
        Assert.Equal("Mark Ellwood", person.Canonical);
        Assert.Contains(entities, e => e.Text == "U.S." && e.Canonical == "United States");
        Assert.Contains(entities, e => e.Text == "Kharvia" && e.Type == EntityType.Location);
        Assert.All(entities, e => Assert.Equal(e.Text, text[e.Start..e.End]));
    }

    [Fact]
    public void Names_inside_a_book_title_are_not_entities()
    {
        var entities = Entities("The historian Mara Quist wrote the book “Bridges Over the Cold River” after the great flood.");

        Assert.Equal("Mara Quist", Assert.Single(entities).Text);
    }
}
