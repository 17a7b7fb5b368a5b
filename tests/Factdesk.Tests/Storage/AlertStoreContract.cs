using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>
/// What every <see cref="IAlertStore"/> must do, on SQLite and PostgreSQL alike: the workers rely on recording being
/// idempotent (a redelivered job records nothing twice) and on "stored but not finished" being visible.
/// </summary>
public abstract class AlertStoreContract : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    /// <summary>The three stores of the database kept under <paramref name="name"/>; opening the same name again reopens it.</summary>
    protected abstract (IArticleStore Articles, IFactCheckStore Facts, IAlertStore Alerts) Open(string name = "store");

    public virtual void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Database : IDisposable
    {
        public required IArticleStore Articles { get; init; }
        public required IAlertStore Alerts { get; init; }
        public required long[] FactIds { get; init; }
        public required IFactCheckStore Facts { get; init; }

        public long Article(string text) => Articles.Add(ArticleStoreContract.Record(text, "hash-" + text)).Id;

        public AlertRecord Alert(int fact, string claim, double score = 0.9) =>
            new(FactIds[fact], claim, $"Fact-check claim {fact}", fact % 2 == 0 ? "False" : null, fact % 2 == 0 ? $"https://checks.example/{fact}" : null, score);

        public void Dispose()
        {
            Alerts.Dispose();
            Facts.Dispose();
            Articles.Dispose();
        }
    }

    private Database Fresh(string name = "store")
    {
        var (articles, facts, alerts) = Open(name);
        facts.AddAll([.. Enumerable.Range(0, 3).Select(i => FactCheckStoreContract.Fact($"k{i}", $"Fact-check claim {i}", axis: i))]);
        return new Database { Articles = articles, Facts = facts, Alerts = alerts, FactIds = [.. facts.All().Select(f => f.Id).Order()] };
    }

    [Fact]
    public void Alerts_are_recorded_once_with_every_field_and_a_redelivered_job_records_nothing()
    {
        using var db = Fresh();
        var article = db.Article("one");
        AlertRecord[] alerts = [db.Alert(0, "The bridge was shut for ten years.", 0.93), db.Alert(1, "Taxes tripled.", 0.81)];
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        Assert.Equal(2, db.Alerts.Finish(article, alerts));
        Assert.Equal(0, db.Alerts.Finish(article, alerts));

        var stored = db.Alerts.Latest(10);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a => Assert.Equal(article, a.ArticleId));
        Assert.Equal(alerts.Reverse(), stored.Select(a => a.Alert));
        Assert.All(stored, a => Assert.InRange(a.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal(1, db.Alerts.FinishedCount());
    }

    [Fact]
    public void A_pair_already_recorded_keeps_its_first_words_and_only_new_pairs_are_added()
    {
        using var db = Fresh();
        var article = db.Article("one");
        Assert.Equal(1, db.Alerts.Finish(article, [db.Alert(0, "First wording.")]));
        Assert.Equal(1, db.Alerts.Finish(article, [db.Alert(0, "Second wording."), db.Alert(2, "Another claim.")]));
        var stored = db.Alerts.Latest(10);
        Assert.Equal(["Another claim.", "First wording."], stored.Select(a => a.Alert.ArticleClaim));
    }

    [Fact]
    public void An_article_is_stored_but_unfinished_until_its_alerts_are_recorded_and_that_survives_reopening()
    {
        long first, second;
        using (var db = Fresh())
        {
            first = db.Article("one");
            second = db.Article("two");
            Assert.False(db.Alerts.IsFinished(first));
            Assert.Equal(0, db.Alerts.FinishedCount());
            // No alerts still finishes the article: a redelivered job must not analyse it again.
            Assert.Equal(0, db.Alerts.Finish(first, []));
            Assert.True(db.Alerts.IsFinished(first));
            Assert.False(db.Alerts.IsFinished(second));
        }
        var (articles, facts, alerts) = Open();
        using (articles)
        using (facts)
        using (alerts)
        {
            Assert.True(alerts.IsFinished(first));
            Assert.False(alerts.IsFinished(second));
            Assert.Equal(1, alerts.FinishedCount());
            Assert.Empty(alerts.Latest(10));
        }
    }

    [Fact]
    public void The_desk_lists_the_newest_alerts_first_up_to_the_limit()
    {
        using var db = Fresh();
        var articles = Enumerable.Range(0, 5).Select(i => db.Article($"a{i}")).ToList();
        foreach (var (article, i) in articles.Select((a, i) => (a, i)))
            db.Alerts.Finish(article, [db.Alert(i % 3, $"Claim {i}.")]);
        Assert.Equal(["Claim 4.", "Claim 3.", "Claim 2."], db.Alerts.Latest(3).Select(a => a.Alert.ArticleClaim));
        Assert.Equal(articles.AsEnumerable().Reverse(), db.Alerts.Latest(100).Select(a => a.ArticleId));
        Assert.Empty(db.Alerts.Latest(0));
        Assert.Empty(db.Alerts.Latest(-1));
    }

    [Fact]
    public async Task Two_workers_finishing_the_same_article_at_once_record_each_alert_once()
    {
        using var db = Fresh();
        var (articles2, facts2, alerts2) = Open();
        using var _ = articles2;
        using var __ = facts2;
        using var other = alerts2;
        var ids = Enumerable.Range(0, 20).Select(i => db.Article($"race{i}")).ToList();
        var alertsFor = (long article) => new[] { db.Alert(0, $"Claim in {article}."), db.Alert(1, $"Other claim in {article}.") };
        var ct = TestContext.Current.CancellationToken;
        var one = Task.Run(() => ids.Sum(id => db.Alerts.Finish(id, alertsFor(id))), ct);
        var two = Task.Run(() => ids.Sum(id => other.Finish(id, alertsFor(id))), ct);
        Assert.Equal(2 * ids.Count, await one + await two);
        Assert.Equal(2 * ids.Count, db.Alerts.Latest(1000).Count);
        Assert.Equal(ids.Count, db.Alerts.FinishedCount());
    }
}
