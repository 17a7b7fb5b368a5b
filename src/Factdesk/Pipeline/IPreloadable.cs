namespace Factdesk.Pipeline;

/// <summary>
/// A stage whose model takes a noticeable time to load. The pipeline can start loading it on another core while
/// the article is still being read, so a single `check` does not pay the loads one after another.
/// </summary>
public interface IPreloadable
{
    void Preload();
}
