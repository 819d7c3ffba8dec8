using OtSensor.Core.Net;
using OtSensor.Protocols.Goose;

namespace OtSensor.Protocols.Tests.Goose;

public class GooseSessionTests
{
    private const string Cb = "IED1LD0/LLN0$GO$gcb01";

    public static TheoryData<uint, uint, uint, uint, GooseAnomalies, bool> Transitions() => new()
    {
        // last stNum, last sqNum, stNum, sqNum, verdict, stateChange
        { 5, 3, 5, 4, GooseAnomalies.None, false },                                    // retransmission
        { 5, 3, 5, 3, GooseAnomalies.SequenceDuplicate, false },                       // same frame again
        { 5, 3, 5, 7, GooseAnomalies.SequenceGap, false },                             // three frames lost
        { 5, 3, 5, 2, GooseAnomalies.SequenceRegressed, false },                       // old frame replayed
        { 5, 30, 5, 1, GooseAnomalies.SequenceReset, false },                          // restart with the same stNum
        { 5, 30, 5, 0, GooseAnomalies.SequenceReset, false },
        { 5, uint.MaxValue, 5, 0, GooseAnomalies.None, false },                        // sqNum roll-over
        { 5, uint.MaxValue, 5, 1, GooseAnomalies.None, false },
        { 5, 3, 6, 0, GooseAnomalies.None, true },                                     // state change (Ed.2 sqNum 0)
        { 5, 3, 6, 1, GooseAnomalies.None, true },                                     // state change (Ed.1 sqNum 1)
        { 5, 3, 6, 4, GooseAnomalies.SequenceNotRestarted, true },
        { 5, 3, 9, 0, GooseAnomalies.StateNumberGap, true },                           // three changes missed
        { 5, 3, 9, 5, GooseAnomalies.StateNumberGap | GooseAnomalies.SequenceNotRestarted, true },
        { 5, 3, 4, 0, GooseAnomalies.StateNumberRegressed, true },                     // old state replayed
        { 5, 3, 1, 0, GooseAnomalies.SequenceReset, true },                            // publisher restarted
        { 5, 3, 1, 9, GooseAnomalies.StateNumberRegressed, true },
        { uint.MaxValue, 3, 1, 0, GooseAnomalies.None, true },                         // stNum roll-over
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Compare_Transition_Verdict(uint lastSt, uint lastSq, uint st, uint sq, GooseAnomalies expected, bool stateChange)
    {
        Assert.Equal(expected, GooseSession.Compare(lastSt, lastSq, st, sq, out bool change));
        Assert.Equal(stateChange, change);
    }

    [Fact]
    public void OnFrame_PublisherStory_StateChangeAndAnomaliesPerFrame()
    {
        var records = GooseTestParse.Many(new GooseSession(),
            GooseVectors.Frame(Cb, 1, 0),
            GooseVectors.Frame(Cb, 1, 1),
            GooseVectors.Frame(Cb, 2, 0),
            GooseVectors.Frame(Cb, 2, 3),
            GooseVectors.Frame(Cb, 2, 3),
            GooseVectors.Frame(Cb, 1, 9),
            GooseVectors.Frame(Cb, 1, 10, confRev: 2));
        Assert.Equal([false, false, true, false, false, true, false], records.ConvertAll(r => r.Details.GetProperty("stateChange").GetBoolean()));
        Assert.Equal(
            ["", "", "", "sequence_gap", "sequence_duplicate", "state_number_regressed", "configuration_revision_changed"],
            records.ConvertAll(r => string.Join(",", r.AnomalyNames)));
    }

    [Fact]
    public void OnFrame_PublishersKeyedByMacAppIdAndGocbRef_TrackedApart()
    {
        var session = new GooseSession();
        var sink = new RecordingSink();
        var otherMac = new MacAddress(0x00A0_F408_2F78UL);
        session.OnFrame(GooseVectors.Frame(Cb, 7, 5), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        session.OnFrame(GooseVectors.Frame(Cb, 1, 0), otherMac, GooseTestParse.Multicast, sink);                      // other sender
        session.OnFrame(GooseVectors.Frame(Cb, 1, 0, appId: 2), GooseTestParse.Publisher, GooseTestParse.Multicast, sink); // other APPID
        session.OnFrame(GooseVectors.Frame(Cb + "2", 1, 0), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);  // other control block
        session.OnFrame(GooseVectors.Frame(Cb, 7, 6), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        Assert.Equal(4, session.PublisherCount);
        Assert.All(sink.Messages, m => Assert.Empty(m.AnomalyNames));
        Assert.All(sink.Messages, m => Assert.False(m.Details.GetProperty("stateChange").GetBoolean()));
    }

    [Fact]
    public void OnFrame_MoreThanCapacity_EvictsLeastRecentlySeenAndReportsOnce()
    {
        var session = new GooseSession(maxPublishers: 4);
        var sink = new RecordingSink();
        for (int i = 0; i < 4; i++)
            session.OnFrame(GooseVectors.Frame(Cb + i, 10, 0), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        // Publisher 0 is seen again, so publisher 1 is now the least recently seen.
        session.OnFrame(GooseVectors.Frame(Cb + 0, 10, 1), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        session.OnFrame(GooseVectors.Frame(Cb + 4, 10, 0), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        session.OnFrame(GooseVectors.Frame(Cb + 5, 10, 0), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        Assert.Equal(4, session.PublisherCount);
        Assert.Equal([GooseNames.PublisherTableFull], sink.StreamAnomalies);

        // Publisher 0 survived (a gap is still seen); publisher 1 was evicted (its duplicate is a first sight again).
        sink.Messages.Clear();
        session.OnFrame(GooseVectors.Frame(Cb + 0, 10, 5), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        session.OnFrame(GooseVectors.Frame(Cb + 1, 10, 0), GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        Assert.Equal(["sequence_gap", ""], sink.Messages.ConvertAll(m => string.Join(",", m.AnomalyNames)));
        Assert.Equal(4, session.PublisherCount);
    }

    [Fact]
    public void OnFrame_ManyPublishersThroughSmallTable_ChainsStayConsistent()
    {
        var session = new GooseSession(maxPublishers: 7);
        var sink = new NoOpSink();
        var frames = new byte[50][];
        for (int i = 0; i < frames.Length; i++) frames[i] = GooseVectors.Frame(Cb + i, 1, 0);
        var random = new Random(7);
        for (int round = 0; round < 2_000; round++)
            session.OnFrame(frames[random.Next(frames.Length)], GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        Assert.Equal(7, session.PublisherCount);

        // The 7 most recent publishers are all found again: a repeat of their last frame is a duplicate.
        var recording = new RecordingSink();
        for (int i = 0; i < 7; i++) session.OnFrame(frames[i], GooseTestParse.Publisher, GooseTestParse.Multicast, recording);
        for (int i = 0; i < 7; i++) session.OnFrame(frames[i], GooseTestParse.Publisher, GooseTestParse.Multicast, recording);
        Assert.All(recording.Messages.Skip(7), m => Assert.Equal(["sequence_duplicate"], m.AnomalyNames));
    }

    [Fact]
    public void OnFrame_WithoutStNum_NotTracked()
    {
        var session = new GooseSession();
        GooseTestParse.Many(session, GooseVectors.Ed2EntryMismatchBadString, GooseVectors.Ed2PrimitiveAllDataTrailing);
        Assert.Equal(0, session.PublisherCount);
    }

    [Fact]
    public void Reset_ForgetsPublishers()
    {
        var session = new GooseSession();
        GooseTestParse.Many(session, GooseVectors.Frame(Cb, 3, 0));
        session.Reset();
        Assert.Equal(0, session.PublisherCount);
        var again = GooseTestParse.Many(session, GooseVectors.Frame(Cb, 3, 0));
        Assert.Empty(Assert.Single(again).AnomalyNames);
    }

    [Fact]
    public void ReportIdentity_GocbRef_LogicalDeviceNameAsName()
    {
        var collector = new IdentityCollector();
        Assert.True(GooseParser.TryParse(GooseVectors.GeF650, out var message));
        Assert.True(message.HasIdentity);
        message.ReportIdentity(collector);
        var (field, value) = Assert.Single(collector.Identities);
        Assert.Equal(Core.Protocols.IdentityField.Name, field);
        Assert.Equal("GEDeviceF650", value);

        Assert.True(GooseParser.TryParse(GooseVectors.Frame("NoSlashHere", 1, 0), out var noSlash));
        Assert.False(noSlash.HasIdentity);
        Assert.True(GooseParser.TryParse(GooseVectors.Frame("/LLN0$GO$cb", 1, 0), out var emptyName));
        Assert.False(emptyName.HasIdentity);
    }

    [Fact]
    public void OnFrame_SteadyState_AllocatesNothing()
    {
        var session = new GooseSession();
        var sink = new NoOpSink();
        var frames = new byte[64][];
        for (int i = 0; i < frames.Length; i++) frames[i] = GooseVectors.Frame(Cb, 1, (uint)i);
        byte[] real = GooseVectors.GeF650;
        for (int i = 0; i < frames.Length; i++) session.OnFrame(frames[i], GooseTestParse.Publisher, GooseTestParse.Multicast, sink);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < frames.Length; i++) session.OnFrame(frames[i], GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
            session.OnFrame(real, GooseTestParse.Publisher, GooseTestParse.Multicast, sink);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink.Count > 13_000);
    }
}
