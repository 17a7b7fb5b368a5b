using Factdesk.Documents;
using Factdesk.Pipeline;

namespace Factdesk.Publishing;

/// <summary>
/// Gives a reviewed article its ClaimReview JSON-LD. A ClaimReview the page already carried (read at ingestion)
/// is the publisher's own and is kept as it is. Needs the review.
/// </summary>
public sealed class ClaimReviewWriter(RatingScale scale) : IStage
{
    public void Process(Document document)
    {
        if (document.ClaimReview is not null || document.Review is not { } review) return;
        var claimantIsPerson = review.Claim.Claimant?.Name is { } name
                               && document.Entities.Any(e => e.Type == EntityType.Person && e.Canonical == name);
        document.ClaimReview = ClaimReviewBuilder.Build(review, document.Source, scale, claimantIsPerson);
    }
}
