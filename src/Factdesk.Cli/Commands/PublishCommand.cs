using System.CommandLine;
using Factdesk.Publishing;
using Factdesk.Publishing.Site;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk publish --out DIR`: the stored fact-checks as a static site with an Atom feed and a ClaimReview data feed.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "The directory to write the site to (created when missing; files of an earlier publish are replaced)",
            Required = true,
            HelpName = "DIR",
        };
        var database = DatabaseOption.Create("The database to publish from: a SQLite file or a PostgreSQL connection string");
        var scale = ScaleOption.Create("shown on");
        var command = new Command("publish", "Render the stored fact-checks as a static site: a page per fact-check, per claimant and per verdict, an index with pages by date, feed.xml and datafeed.json")
        {
            output, database, scale,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(output)!;
            var ratingScale = RatingScales.Get(parse.GetValue(scale)!);
            if (File.Exists(directory))
                throw new OutputException(directory, "is a file, not a directory");
            using var store = DatabaseOption.OpenExisting(parse.GetValue(database)!);
            PublishResult result;
            try
            {
                result = SitePublisher.Publish(store.All(), ratingScale, directory);
            }
            catch (UnauthorizedAccessException)
            {
                throw new OutputException(directory, "permission denied");
            }
            catch (IOException e)
            {
                throw new OutputException(directory, e.Message);
            }
            parse.InvocationConfiguration.Output.WriteLine(
                $"Published {result.FactChecks} fact-check(s) and {result.Claimants} claimant page(s) to {directory}");
            return 0;
        });
        return command;
    }
}
