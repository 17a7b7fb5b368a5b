using Factdesk.Documents;
using Factdesk.Entities;

namespace Factdesk.Tests.Entities;

public sealed class DateRecognizerTests
{
    [Fact]
    public void Month_day_day_month_year_and_vague_parts_of_a_month_are_dates()
    {
        const string text = "The vote is on June 6, after talks ended on 22 November 2023, and a report is due in early June.";

        var dates = DateRecognizer.Find(text).ToList();

        Assert.Equal(["June 6", "22 November 2023", "early June"], dates.Select(d => d.Text));
        Assert.All(dates, d =>
        {
            Assert.Equal(EntityType.Date, d.Type);
            Assert.Equal(d.Text, text[d.Start..d.End]);
        });
    }

    [Fact]
    public void Iso_dates_are_dates()
    {
        Assert.Equal(["2023-03-26", "May 14, 2024"], DateRecognizer.Find("Filed 2023-03-26 and heard on May 14, 2024.").Select(d => d.Text));
    }

    [Fact]
    public void Month_and_year_is_a_date()
    {
        Assert.Equal(["March 2024"], DateRecognizer.Find("The case was heard in March 2024.").Select(d => d.Text));
    }

    [Fact]
    public void A_month_name_inside_a_longer_word_is_no_date()
    {
        Assert.Empty(DateRecognizer.Find("The 10 Mayors met with 3 Junebugs."));
    }
}
