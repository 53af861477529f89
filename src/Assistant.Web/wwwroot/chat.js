// Enter sends the message, Shift+Enter starts a new line; this has to run in the browser because the keydown
// must be cancelled before the newline is typed.
window.assistant = {
    bindComposer(textarea, button) {
        textarea.addEventListener('keydown', event => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                if (!button.disabled) {
                    button.click();
                }
            }
        });
    },
    scrollToEnd(element) {
        element.scrollTop = element.scrollHeight;
    },
    focus(element) {
        element?.focus();
    },
};
