using Factdesk.Ingestion;
using Factdesk.Storage;

namespace Factdesk.Tests.Storage;

/// <summary>Reading what `--db` names and failing clearly; none of these needs a running server.</summary>
public sealed class PostgresDatabaseTests
{
    [Theory]
    [InlineData("postgres://app@db.example/factdesk", true)]
    [InlineData("postgresql://app:secret@127.0.0.1:5433/factdesk?sslmode=disable", true)]
    [InlineData("Host=127.0.0.1;Port=5432;Username=app;Database=factdesk", true)]
    [InlineData("host=db;database=factdesk", true)]
    [InlineData("factdesk.db", false)]
    [InlineData("/var/lib/factdesk/postgres.db", false)]
    public void A_connection_string_is_told_from_a_sqlite_path(string db, bool postgres) =>
        Assert.Equal(postgres, PostgresDatabase.IsConnectionString(db));

    [Fact]
    public void A_url_becomes_the_same_settings_as_a_keyword_string()
    {
        var url = PostgresDatabase.Parse("postgresql://app:s%40cret@127.0.0.1:5433/fact%20desk?sslmode=disable");
        Assert.Equal(("127.0.0.1", 5433, "app", "s@cret", "fact desk"), (url.Host, url.Port, url.Username, url.Password, url.Database));
        Assert.Equal(Npgsql.SslMode.Disable, url.SslMode);
        Assert.DoesNotContain("s@cret", PostgresDatabase.Shown(url));
    }

    [Fact]
    public void An_unknown_setting_is_a_clear_error_that_does_not_repeat_the_password()
    {
        var error = Assert.Throws<InputException>(() => PostgresDatabase.Parse("Host=db;Password=hunter2;Colour=blue"));
        Assert.Contains("not a PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_one_line_naming_it_without_the_password()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var error = Assert.Throws<InputException>(() => PostgresFactCheckStore.Open("Host=127.0.0.1;Port=1;Username=app;Password=hunter2;Timeout=5"));
        Assert.Contains("127.0.0.1", error.Message);
        Assert.Contains("cannot be used as a Factdesk database", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
