namespace Factdesk.Bench.Peers;

/// <summary>Another system doing the same work as ours: one warmed-up pass per call, in seconds.</summary>
internal interface IPeer
{
    string Name { get; }

    double Run();
}
