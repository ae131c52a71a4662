namespace InvestPortal.IntegrationTests.Infrastructure;

/// <summary>One web node of several sharing a PostgreSQL database, each with its own DataPath (index, uploads, mail).</summary>
public sealed class PostgresNodeFactory(string connectionString) : PortalFactory
{
    public override string Provider => "Postgres";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
        [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", connectionString)];
}
