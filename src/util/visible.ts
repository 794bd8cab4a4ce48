/**
 * A file name is untrusted too, and must stay recognizable: control characters
 * (ESC, a newline that would start a forged line) are shown as escapes.
 */
export const visible = (text: string) =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) =>
    character === '\n' ? '\\n' : character === '\t' ? '\\t' : `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
