using Npgsql;

namespace Factdesk.Tests.Storage;

/// <summary>
/// The PostgreSQL server the PostgreSQL store tests run against: FACTDESK_TEST_POSTGRES holds its connection string
/// (.ci/run starts one on loopback and sets it). Each test gets schemas of its own, dropped when it ends, so tests run in
/// parallel against one database without seeing each other's rows.
/// </summary>
public sealed class PostgresTestServer : IDisposable
{
    public const string Variable = "FACTDESK_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly HashSet<string> _schemas = [];

    private PostgresTestServer(string server) => _server = server;

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static readonly string Missing = $"{Variable} is not set: no PostgreSQL server to test against (.ci/run starts one and sets it)";

    /// <summary>The server, or the test is skipped (never passed) when none is configured.</summary>
    public static PostgresTestServer Require()
    {
        Assert.SkipUnless(ConnectionString is not null, Missing);
        return new PostgresTestServer(ConnectionString!);
    }

    /// <summary>The server, or null when none is configured: for a class fixture, whose tests then skip with <see cref="Missing"/>.</summary>
    public static PostgresTestServer? IfConfigured() => ConnectionString is null ? null : new PostgresTestServer(ConnectionString);

    /// <summary>A connection string whose tables live in this test's schema <paramref name="name"/>, created on first use.</summary>
    public string Schema(string name)
    {
        var schema = $"{_prefix}_{name}".ToLowerInvariant();
        if (_schemas.Add(schema))
            Execute($"CREATE SCHEMA {schema}");
        // No pooling: the pool would keep a connection per schema open long after the test.
        return new NpgsqlConnectionStringBuilder(_server) { SearchPath = schema, Pooling = false }.ConnectionString;
    }

    public object? Scalar(string schema, string sql)
    {
        using var connection = new NpgsqlConnection(Schema(schema));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var schema in _schemas)
            Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
