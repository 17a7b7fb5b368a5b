using Factdesk.Documents;
using Factdesk.Entities;

namespace Factdesk.Tests.Entities;

public sealed class GazetteerTests
{
    [Theory]
    [InlineData("IS")]
    [InlineData("ISIS")]
    [InlineData("ISIL")]
    [InlineData("Daesh")]
    [InlineData("Islamic State group")]
    [InlineData("islamic state of iraq and the levant")]
    public void Aliases_of_the_Islamic_State_resolve_to_one_organisation(string alias)
    {
        Assert.True(Gazetteer.Default.TryLookup(alias, out var canonical, out var type));
        Assert.Equal("Islamic State", canonical);
        Assert.Equal(EntityType.Org, type);
    }

    [Fact]
    public void Short_aliases_match_only_in_their_own_case()
    {
        Assert.False(Gazetteer.Default.TryLookup("is", out _, out _));
        Assert.False(Gazetteer.Default.TryLookup("Isis", out _, out _));
    }

    [Fact]
    public void A_leading_the_and_curly_apostrophes_are_ignored()
    {
        Assert.True(Gazetteer.Default.TryLookup("the UN", out var un, out _));
        Assert.Equal("United Nations", un);
        Assert.True(Gazetteer.Default.TryLookup("Kurdistan Workers’ Party", out var pkk, out _));
        Assert.Equal("Kurdistan Workers' Party", pkk);
    }

    [Fact]
    public void Unknown_names_are_not_found()
    {
        Assert.False(Gazetteer.Default.TryLookup("Millbrook Harbour Authority", out var canonical, out _));
        Assert.Equal("", canonical);
    }

    [Fact]
    public void Demonyms_name_their_place()
    {
        Assert.True(Gazetteer.Default.IsDemonym("Syrian"));
        Assert.Equal("Russia", Gazetteer.Default.PlaceOfDemonym("Russian"));
        Assert.Null(Gazetteer.Default.PlaceOfDemonym("Millbrookian"));
    }
}
