// gridcase: Chinese by default, English on request (see ../../gridcase/locale.js).
import { locales, installLanguageSwitch } from '../../gridcase/locale.js';

installLanguageSwitch();

export default {
  locales
};
