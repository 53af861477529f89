// The browser's time zone travels in a cookie, so the server shows every time in the user's zone (UserClock).
document.cookie = 'assistant.tz=' + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)
    + '; path=/; max-age=31536000; samesite=strict';

window.assistant = {
    // Enter sends, Shift+Enter starts a new line. The text is read from the box at the moment of the key press and
    // handed to the server with the call, so Enter works before the server has seen the typing (the Send button's
    // state lags by a round trip). The Send button goes the same way.
    bindComposer(form, textarea, page) {
        const send = () => {
            const text = textarea.value;
            if (!text.trim()) {
                return;
            }
            textarea.value = '';
            textarea.dispatchEvent(new Event('input', { bubbles: true }));
            page.invokeMethodAsync('SendTyped', text);
        };
        textarea.addEventListener('keydown', event => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                send();
            }
        });
        form.addEventListener('submit', event => {
            event.preventDefault();
            send();
        });
    },
    // Opening a panel or form moves focus into it and remembers where the user was, to return there on close.
    openPanel(panel) {
        if (!panel) {
            return;
        }
        if (!panel.contains(document.activeElement)) {
            assistant.returnTo = document.activeElement;
        }
        (panel.querySelector('[tabindex="-1"], input, textarea, button') ?? panel).focus({ preventScroll: true });
        // A long passage opens at its highlighted quote, not at its first line.
        const mark = panel.querySelector('mark');
        if (mark) {
            panel.scrollTop += mark.getBoundingClientRect().top - panel.getBoundingClientRect().top - 48;
        }
        panel.scrollIntoView({ block: 'nearest' });
    },
    restoreFocus(fallback) {
        const target = assistant.returnTo;
        assistant.returnTo = null;
        if (target && target.isConnected) {
            target.focus();
        } else {
            fallback?.focus();
        }
    },
    replaceAddress(url) {
        history.replaceState(history.state, '', url);
    },
    scrollToEnd(element) {
        element.scrollTop = element.scrollHeight;
    },
    focus(element) {
        element?.focus();
    },
};
