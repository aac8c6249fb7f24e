using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Qianglian.Web.Api;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Components.Shared;

/// <summary>
/// Base of the pages that change data: runs an operation and shows its refusal as a snackbar; an edit conflict
/// offers a reload of the page's data instead of overwriting.
/// </summary>
public abstract class OperationPage : ComponentBase
{
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<Strings> Localizer { get; set; } = default!;
    [Inject] protected Auth.CurrentUser Me { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;

    /// <summary>Asks before an operation that cannot be undone.</summary>
    protected async Task<bool> Confirm(string question) =>
        await Dialogs.ShowMessageBoxAsync(Localizer["Confirm"], question, yesText: Localizer["Yes"], cancelText: Localizer["Cancel"]) == true;

    /// <summary>Reloads the page's data (after a save, or when the user asks to after a conflict).</summary>
    protected abstract Task LoadAsync();

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <param name="form">A form whose refused fields are shown at the fields (the rest, and any other refusal, as a snackbar).</param>
    /// <returns>true when the operation succeeded.</returns>
    protected async Task<bool> Run(Func<Task> operation, string? success = null, FieldErrors? form = null)
    {
        form?.Clear();
        try
        {
            await operation();
            if (success is not null) Snackbar.Add(success, Severity.Success);
            return true;
        }
        catch (ValidationException e) when (form is not null)
        {
            var rest = form.Mark(e);
            Snackbar.Add(rest.Count == 0 ? Localizer["FixMarkedFields"] : UiErrors.Describe(new ValidationException(rest), Localizer)!, Severity.Error);
            return false;
        }
        catch (Exception e) when (UiErrors.Describe(e, Localizer) is { } message)
        {
            Snackbar.Add(message, Severity.Error, options =>
            {
                if (!UiErrors.IsConflict(e)) return;
                options.Action = Localizer["Reload"];
                options.OnClick = async _ => { await LoadAsync(); StateHasChanged(); };
                options.RequireInteraction = true;
            });
            return false;
        }
    }

    /// <summary>Instants are stored in UTC and shown in Beijing time.</summary>
    protected static string Local(DateTimeOffset at) => TimeDisplay.Format(at);
}
