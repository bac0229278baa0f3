using Deliberation.Domain;

namespace Deliberation.Web.Errors;

/// <summary>The web's own refusals (the gate, ids in addresses, idempotency keys), declared as the domain declares its own.</summary>
public static class WebRefusals
{
    /// <summary>The things an address names, as "There is no such {0}." says them.</summary>
    public static readonly IReadOnlyDictionary<string, RefusalText> Things =
        new[] { "ballot", "council", "escalation", "item", "meeting", "request", "template", "comment", "notice", "account" }
            .ToDictionary(t => t, t => new RefusalText($"web.thing.{t}", t), StringComparer.Ordinal);

    public static readonly RefusalText NoSuch = new("web.no-such", "There is no such {0}.");
    public static readonly RefusalText NoSuchCouncil = new("web.no-such-council", "There is no such council.");
    public static readonly RefusalText NoSuchMeeting = new("web.no-such-meeting", "There is no such meeting.");
    public static readonly RefusalText NoSuchBallot = new("web.no-such-ballot", "There is no such ballot.");
    public static readonly RefusalText NoSuchRequest = new("web.no-such-request", "There is no such request.");
    public static readonly RefusalText NoSuchComment = new("web.no-such-comment", "There is no such comment.");
    public static readonly RefusalText NoSuchAccount = new("web.no-such-account", "There is no such account.");
    public static readonly RefusalText NoSuchItemHere = new("web.no-such-item-here", "There is no such item in this council.");
    public static readonly RefusalText NoItemToMergeInto = new("web.no-item-to-merge-into", "There is no such item in this council to merge into.");
    public static readonly RefusalText NoItemForAgenda = new("web.no-item-for-agenda", "There is no such item in this council to put on the agenda.");
    public static readonly RefusalText ItemNotDisclosed = new("web.item-not-disclosed", "There is no such item, or it has not been disclosed.");
    public static readonly RefusalText BallotNotDisclosed = new("web.ballot-not-disclosed", "There is no such ballot, or its item has not been disclosed.");
    public static readonly RefusalText EscalationNotYours = new("web.escalation-not-yours", "There is no such escalation, or it is not yours to see.");
    public static readonly RefusalText NoMinutes = new("web.no-minutes", "There are no published minutes of this meeting.");
    public static readonly RefusalText NoItemHere = new("web.no-item-here", "There is no item '{0}' in this council.");
    public static readonly RefusalText NoMeetingHere = new("web.no-meeting-here", "There is no meeting '{0}' in this council.");
    public static readonly RefusalText NoEscalationHere = new("web.no-escalation-here", "There is no escalation '{0}' in this council.");
    public static readonly RefusalText NoRequestHere = new("web.no-request-here", "There is no request '{0}' in this council.");
    public static readonly RefusalText NoCouncil = new("web.no-council", "There is no council '{0}'.");
    public static readonly RefusalText AddressNamesNo = new("web.address-names-no", "The address names no {0}.");
    public static readonly RefusalText RequestId = new("web.request-id", "A request id is 1 to {0} printable ASCII characters without spaces.");
    public static readonly RefusalText JsonBody = new("web.json-body", "This needs a JSON body.");
    public static readonly RefusalText NoDepartment = new("web.no-department", "This council has no department '{0}'; the clerk adds its departments first.");
    public static readonly RefusalText NoDepartmentNamed = new("web.no-department-named", "This council has no department '{0}'.");
    public static readonly RefusalText NoGroup = new("web.no-group", "This council has no volunteer group '{0}'.");
    public static readonly RefusalText DispatchToVolunteer = new("web.dispatch-to-volunteer", "Dispatch to one of this council's volunteers.");
    public static readonly RefusalText NoBody = new("web.no-body", "This council has no body '{0}'.");
    public static readonly RefusalText OtherBodysBallot = new("web.other-bodys-ballot", "This count comes from another body's ballot; step '{0}' is decided by '{1}'.");
    public static readonly RefusalText CountMissing = new("web.count-missing", "The count '{0}' is missing.");
    public static readonly RefusalText ChooseRole = new("web.choose-role", "Choose a role.");
    public static readonly RefusalText NoAccountLogin = new("web.no-account-login", "There is no account with that user name or phone number.");
    public static readonly RefusalText FollowOwnList = new("web.follow-own-list", "Only the person themself may change their list of followed items.");
    public static readonly RefusalText MarkOwnNotices = new("web.mark-own-notices", "Only the person themself may mark their notices read.");
    public static readonly RefusalText FormExpired = new("web.form-expired", "The form has expired. Reload the page and try again.");
    public static readonly RefusalText WrongSignIn = new("web.wrong-sign-in", "Wrong user name, phone number or password.");

    public static readonly RefusalText IdShape = new("web.id-shape", "Use lower-case letters, digits and dashes.");
    public static readonly RefusalText NoAccountWithId = new("web.no-account-with-id", "There is no account with this id.");
    public static readonly RefusalText GiveIssuer = new("web.give-issuer", "Give the issuer and the subject.");
    public static readonly RefusalText NoAccountNamed = new("web.no-account-named", "There is no account with the user name or phone number '{0}'.");
    public static readonly RefusalText ChooseOneOfTwo = new("web.choose-one-of-two", "Choose one of the two.");
    public static readonly RefusalText CategoryChange = new("web.category-change", "Add, rename or retire a category.");
    public static readonly RefusalText MeetingTime = new("web.meeting-time", "Give the meeting's date and time.");
    public static readonly RefusalText PhotosMultipart = new("web.photos-multipart", "Send the photos as multipart/form-data.");
    public static readonly RefusalText IdShapeOf = new("web.id-shape-of", "The {0} id uses lower-case letters, digits and dashes.");
    public static readonly RefusalText NoSuchStream = new("web.no-such-stream", "There is no such public stream in this council's record.");
    public static readonly RefusalText NoSuchTemplateVersion = new("web.no-such-template-version", "There is no such template version.");
    public static readonly RefusalText NoSuchList = new("web.no-such-list", "There is no list '{0}'.");
    public static readonly RefusalText PageSize = new("web.page-size", "size is a whole number from 1 to {0}.");
    public static readonly RefusalText PageCursor = new("web.page-cursor", "after is the cursor from a previous answer's next link, unchanged.");
    public static readonly RefusalText LedgerOverdue = new("web.ledger-overdue", "overdue is true or false.");
    public static readonly RefusalText LedgerReaders = new("web.ledger-readers",
        "The ledger is read by the council's clerk, chair and members, and by a department's accounts for its own entries.");
    public static readonly RefusalText RequestTooLarge = new("web.request-too-large", "A request body has at most {0} KiB.");

    // The gate's refusals: what the problem's detail says after its title.
    public static readonly RefusalText SignInFirst = new("access.sign-in-first", "Sign in first.");
    public static readonly RefusalText PasswordReset = new("access.password-reset", "Your password was reset: choose a new one first.");
    public static readonly RefusalText AdministratorsOnly = new("access.administrators-only", "Only a site administrator may do this.");
    public static readonly RefusalText NoRoleHere = new("access.no-role-here", "You hold no role in this council.");
    public static readonly RefusalText NeedsRoles = new("access.needs-roles", "This needs one of these roles in this council: {0}.");
    public static readonly RefusalText NoAccessRule = new("access.no-rule", "This action has no access rule, so nobody may use it.");
    public static readonly RefusalText AccessRefused = new("access.refused", "Access refused: {0}");
}
