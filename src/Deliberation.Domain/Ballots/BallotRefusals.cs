namespace Deliberation.Domain.Ballots;

/// <summary>What a ballot refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class BallotRefusals
{
    public static readonly RefusalText Closed = new("ballot.closed", "The ballot is closed.");
    public static readonly RefusalText ClosedAlready = new("ballot.closed-already", "The ballot is closed already.");
    public static readonly RefusalText CastAlready = new("ballot.cast-already", "This vote has been cast already; it cannot be cast again.");
    public static readonly RefusalText SecretCastAlready = new("ballot.secret-cast-already", "This vote has been cast already; a secret vote cannot be cast again.");
    public static readonly RefusalText ClientVoteIdReused = new("ballot.client-vote-id-reused", "This client vote id was used for another vote: send a new vote with a new id.");
    public static readonly RefusalText ClientVoteId = new("ballot.client-vote-id", "A vote needs a client vote id of 1 to 64 characters.");
    public static readonly RefusalText NotAVoter = new("ballot.not-a-voter", "Only a member of this body present at the meeting may vote in this ballot, once for themselves and once for a member who named them as proxy.");
    public static readonly RefusalText OnPaper = new("ballot.on-paper", "This ballot is on paper and counted by hand in the hall.");
    public static readonly RefusalText IsSecret = new("ballot.is-secret", "This ballot is secret: its votes are taken apart from their choices.");
    public static readonly RefusalText NotSecret = new("ballot.not-secret", "This ballot is not secret.");
    public static readonly RefusalText MotionChoice = new("ballot.motion-choice", "This ballot is on a motion: choose for, against or abstain.");
    public static readonly RefusalText Choose = new("ballot.choose", "Choose for, against or abstain.");
    public static readonly RefusalText OnlyItsOptions = new("ballot.only-its-options", "Mark only options of this ballot.");
    public static readonly RefusalText MarkedTwice = new("ballot.marked-twice", "An option is marked twice.");
    public static readonly RefusalText MarkAtMost = new("ballot.mark-at-most", "Mark at most {0} of the options.");
    public static readonly RefusalText PaperClose = new("ballot.paper-close", "This ballot is on paper: record the hand count to close it.");
    public static readonly RefusalText SecretClose = new("ballot.secret-close", "This ballot is secret: it is closed with its published list.");
    public static readonly RefusalText NotPaper = new("ballot.not-paper", "This ballot was cast on phones: close it to count the votes.");
    public static readonly RefusalText NameTellers = new("ballot.name-tellers", "Name who counted the paper ballots.");
    public static readonly RefusalText CountMissing = new("ballot.count-missing", "The count for '{0}' is missing.");
    public static readonly RefusalText MotionCount = new("ballot.motion-count", "This ballot is on a motion: count for, against and abstain.");
    public static readonly RefusalText OptionsNoAgainst = new("ballot.options-no-against", "A ballot between options has no votes against.");
    public static readonly RefusalText TooManyMarks = new("ballot.too-many-marks", "'{0}' cannot have more marks than the ballots that marked anything.");
    public static readonly RefusalText CountedUnder = new("ballot.counted-under", "This ballot is counted under '{0}'.");
    public static readonly RefusalText NobodyPresent = new("ballot.nobody-present", "Nobody on the roll is present: take the roll call before opening a ballot.");
    public static readonly RefusalText VoterTwice = new("ballot.voter-twice", "A voter is listed twice.");
    public static readonly RefusalText EqualWeight = new("ballot.equal-weight", "A secret ballot needs voters of equal weight: a weight only some carry would name them in the published list and the totals.");
    public static readonly RefusalText ListCount = new("ballot.list-count", "The list holds {0} votes, but {1} voters took part.");
    public static readonly RefusalText ListWeight = new("ballot.list-weight", "The list's weight is not the voters'.");
    public static readonly RefusalText ReceiptTwice = new("ballot.receipt-twice", "A receipt is in the list twice.");
    public static readonly RefusalText ReceiptBytes = new("ballot.receipt-bytes", "A receipt is made of 10 random bytes.");
    public static readonly RefusalText NoSuchKind = new("ballot.no-such-kind", "There is no such kind of ballot.");
    public static readonly RefusalText OptionsCount = new("ballot.options-count", "A ballot between options needs 2 to {0} of them.");
    public static readonly RefusalText OptionTwice = new("ballot.option-twice", "An option is listed twice.");
    public static readonly RefusalText MaxChoices = new("ballot.max-choices", "Each voter may mark 1 to {0} of these options.");
    public static readonly RefusalText NameWinnersRule = new("ballot.name-winners-rule", "Name the rule for the winners.");
    public static readonly RefusalText CountedAndClosed = new("ballot.counted-and-closed", "The ballot is closed and this vote was counted; its receipt is kept nowhere with your name: find it where you noted it.");
    public static readonly RefusalText ToOpen = new("ballot.act.open", "open a ballot");
    public static readonly RefusalText ToClose = new("ballot.act.close", "close a ballot");
}
