using System.CommandLine;
using Factdesk.Publishing;

namespace Factdesk.Cli.Commands;

/// <summary>`factdesk validate FILE`: checks each ClaimReview in a JSON-LD file or HTML page; exit code 1 when any has errors.</summary>
internal static class ValidateCommand
{
    public const int HasErrors = 1;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A ClaimReview JSON-LD file (object, array or @graph) or an HTML page with JSON-LD scripts" };
        var command = new Command("validate", "Check ClaimReview JSON-LD against schema.org and Google's rules for fact-checks") { file };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)!;
            var reviews = ClaimReviewSources.Read(path);
            if (reviews.Count == 0)
            {
                output.WriteLine($"{path}: no ClaimReview found");
                return HasErrors;
            }
            var errors = 0;
            var warnings = 0;
            foreach (var (review, at) in reviews)
            {
                var findings = ClaimReviewValidator.Validate(review, at);
                var e = findings.Count(f => f.Severity == FindingSeverity.Error);
                errors += e;
                warnings += findings.Count - e;
                output.WriteLine($"ClaimReview at {at}: {(findings.Count == 0 ? "valid" : $"{e} error(s), {findings.Count - e} warning(s)")}");
                foreach (var finding in findings)
                    output.WriteLine($"  {finding}");
            }
            output.WriteLine($"{reviews.Count} ClaimReview(s): {errors} error(s), {warnings} warning(s)");
            return errors > 0 ? HasErrors : 0;
        });
        return command;
    }
}
