using Factdesk.Ingestion;

namespace Factdesk.Tests.Ingestion;

public sealed class MarkdownAndLanguageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Markdown_markup_is_stripped_minimally()
    {
        const string markdown = """
            # Did the city *really* plant 10,000 trees? #

            ![A row of young trees](trees.jpg)

            The mayor said **10,000 trees** were planted, citing a [council report](https://example.org/report).
            Parks staff counted _6,200_; the file is named tree_count_2023.csv.
            """;
        var document = ArticleLoader.Load(_dir.Write("trees.md", markdown));

        Assert.Equal(
            "Did the city really plant 10,000 trees?\n\n" +
            "The mayor said 10,000 trees were planted, citing a council report.\n" +
            "Parks staff counted 6,200; the file is named tree_count_2023.csv.",
            document.Text);
        Assert.Equal("Did the city really plant 10,000 trees?", document.Source.Title);
    }

    [Fact]
    public void Unknown_extension_is_sniffed_as_text()
    {
        var document = ArticleLoader.Load(_dir.Write("article.data", "Plain words here. Nothing else at all.\n"));
        Assert.Equal("Plain words here. Nothing else at all.", document.Text);
        Assert.Null(document.Source.Title);
    }

    [Theory]
    [InlineData("en", "The minister said that the number of new homes was higher than it has been in any year since the records began.")]
    [InlineData("ru", "Министр заявил, что в этом году было построено больше домов, чем за все время наблюдений, но это не так.")]
    [InlineData("uk", "Міністр заявив, що цього року було збудовано більше будинків, ніж за весь час спостережень, але це не так.")]
    [InlineData("de", "Der Minister sagte, dass in diesem Jahr mehr Wohnungen gebaut wurden als je zuvor, aber das ist nicht richtig.")]
    [InlineData("fr", "Le ministre a dit que le nombre de logements construits cette année est plus élevé que jamais, mais ce n'est pas vrai.")]
    [InlineData("es", "El ministro dijo que este año se construyeron más viviendas que nunca, pero los datos del instituto no lo confirman.")]
    [InlineData("it", "Il ministro ha detto che quest'anno sono state costruite più case che mai, ma i dati dell'istituto non lo confermano.")]
    [InlineData("pt", "O ministro disse que este ano foram construídas mais casas do que nunca, mas os dados do instituto não confirmam isso.")]
    [InlineData("ar", "قال الوزير إن عدد المنازل التي تم بناؤها في هذا العام كان أكبر من أي عام مضى، لكن هذا غير صحيح حسب البيانات.")]
    public void Language_is_guessed_from_function_words(string expected, string text) =>
        Assert.Equal(expected, LanguageGuesser.Guess(text));

    [Theory]
    [InlineData("False")]
    [InlineData("Kyiv, Odesa, Lviv")]
    [InlineData("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor")]
    public void Language_is_null_when_short_or_unclear(string text) => Assert.Null(LanguageGuesser.Guess(text));

    [Theory]
    [InlineData("uk", "Це неправда")]
    [InlineData("ru", "Это неправда")]
    [InlineData("uk", "Зеленський заявив про наступ")]
    [InlineData("ru", "Зеленский заявил о наступлении")]
    [InlineData("be", "Гэта няпраўда")]
    public void A_short_Cyrillic_text_gets_its_language_from_Lingua(string expected, string text)
    {
        Assert.Null(LanguageGuesser.GuessFromFunctionWords(text));
        Assert.Equal(expected, LanguageGuesser.Guess(text));
    }
}
