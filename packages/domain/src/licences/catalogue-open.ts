import type { LicenceTerms } from './licence-terms';
import { NO_OBLIGATIONS } from './no-obligations';

// Open-source and Creative Commons licences, read from SPDX's copies of their texts.
export const OPEN_LICENCES: LicenceTerms[] = [
  {
    id: 'mit',
    name: 'MIT License',
    spdx: 'MIT',
    source: 'https://spdx.org/licenses/MIT.html',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // "The above copyright notice and this permission notice shall be included in all copies"
      attribution: true,
    },
  },
  {
    id: 'apache-2.0',
    name: 'Apache License 2.0',
    spdx: 'Apache-2.0',
    source: 'https://www.apache.org/licenses/LICENSE-2.0',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §4(c): "retain ... all copyright, patent, trademark, and attribution notices"; §4 also lets
      // you "provide additional or different license terms ... for any such Derivative Works as a whole".
      attribution: true,
    },
  },
  {
    id: 'bsd-3-clause',
    name: 'BSD 3-Clause License',
    spdx: 'BSD-3-Clause',
    source: 'https://spdx.org/licenses/BSD-3-Clause.html',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // 1: "Redistributions of source code must retain the above copyright notice"
      attribution: true,
    },
  },
  {
    id: 'cc-by-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    spdx: 'CC-BY-4.0',
    source: 'https://creativecommons.org/licenses/by/4.0/legalcode',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §3(a)(1): "If You Share the Licensed Material (including in modified form), You must: retain ..."
      // §3(a)(4) only asks that the adapter's licence "not prevent recipients ... from complying", so
      // adaptations may go out under any licence: it does not bind derivatives.
      attribution: true,
    },
  },
  {
    id: 'cc-by-sa-4.0',
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    spdx: 'CC-BY-SA-4.0',
    source: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      attribution: true,
      // §3(b)(1): "The Adapter's License You apply must be a Creative Commons license with the same
      // License Elements, this version or later, or a BY-SA Compatible License."
      shareAlike: true,
      bindsDerivatives: true,
    },
  },
  {
    id: 'cc-by-nc-4.0',
    name: 'Creative Commons Attribution-NonCommercial 4.0 International',
    spdx: 'CC-BY-NC-4.0',
    source: 'https://creativecommons.org/licenses/by-nc/4.0/legalcode',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      attribution: true,
      // §2(a)(1)(B): "produce, reproduce, and Share Adapted Material for NonCommercial purposes only"
      nonCommercial: true,
      // §3(a)(4): "the Adapter's License You apply must not prevent recipients of the Adapted
      // Material from complying with this Public License."
      bindsDerivatives: true,
    },
  },
  {
    id: 'cc-by-nc-sa-4.0',
    name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International',
    spdx: 'CC-BY-NC-SA-4.0',
    source: 'https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      attribution: true,
      // §2(a)(1)(B): Adapted Material "for NonCommercial purposes only"
      nonCommercial: true,
      // §3(b)(1): "a Creative Commons license with the same License Elements ... or a BY-NC-SA
      // Compatible License"
      shareAlike: true,
      bindsDerivatives: true,
    },
  },
  {
    id: 'gpl-3.0',
    name: 'GNU General Public License v3.0',
    spdx: 'GPL-3.0-only',
    source: 'https://www.gnu.org/licenses/gpl-3.0.html',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §4: "keep intact all notices stating that this License ... appl[ies] to the code"
      attribution: true,
      // §5(c): "You must license the entire work, as a whole, under this License"
      shareAlike: true,
      bindsDerivatives: true,
    },
  },
  {
    id: 'agpl-3.0',
    name: 'GNU Affero General Public License v3.0',
    spdx: 'AGPL-3.0-only',
    source: 'https://www.gnu.org/licenses/agpl-3.0.html',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      attribution: true,
      // §5(c) as in the GPL, and §13: users "interacting with it remotely through a computer
      // network" must be offered the Corresponding Source.
      shareAlike: true,
      bindsDerivatives: true,
    },
  },
];
